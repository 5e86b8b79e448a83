using Serverless.Infrastructure.Storage;
using Xunit;

namespace Serverless.Infrastructure.Tests.Storage;

public sealed class SharedKeyStringToSignTests
{
    [Fact]
    public void Builds_the_documented_example_for_a_container_metadata_read()
    {
        // The example of the "Authorize with Shared Key" REST documentation.
        var stringToSign = SharedKeyStringToSign.Build(
            "myaccount",
            "GET",
            new Uri("https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=metadata&timeout=20"),
            [
                KeyValuePair.Create("x-ms-version", "2015-02-21"),
                KeyValuePair.Create("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT"),
            ]);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n/myaccount/mycontainer\ncomp:metadata\nrestype:container\ntimeout:20",
            stringToSign);
    }

    [Fact]
    public void Signs_a_path_style_append_with_conditions_as_computed_by_hand()
    {
        var stringToSign = SharedKeyStringToSign.Build(
            StorageAccount.DevelopmentAccountName,
            "put",
            new Uri("http://127.0.0.1:10000/devstoreaccount1/archive/events/2024/01/02/03/host-1-0.jsonl?comp=appendblock"),
            [
                KeyValuePair.Create("X-MS-Version", "2021-12-02"),
                KeyValuePair.Create("x-ms-date", "Tue, 02 Jan 2024 03:04:05 GMT"),
                KeyValuePair.Create("If-Match", "\"0x1\""),
                KeyValuePair.Create("x-ms-blob-condition-maxsize", " 1024 "),
                KeyValuePair.Create("User-Agent", "not signed"),
            ],
            contentLength: 11);

        const string expected =
            "PUT\n\n\n11\n\n\n\n\n\"0x1\"\n\n\n\n" +
            "x-ms-blob-condition-maxsize:1024\nx-ms-date:Tue, 02 Jan 2024 03:04:05 GMT\nx-ms-version:2021-12-02\n" +
            "/devstoreaccount1/devstoreaccount1/archive/events/2024/01/02/03/host-1-0.jsonl\ncomp:appendblock";
        Assert.Equal(expected, stringToSign);

        // HMAC-SHA256 under the development key, computed independently (Python hmac) for this exact string.
        var credential = new StorageSharedKeyCredential(StorageAccount.DevelopmentAccountName, StorageAccount.DevelopmentAccountKey);
        Assert.Equal("c1VaP9cHdC2XQMZKfpAXQF3kpsywehMLbhsCBIuCmR4=", credential.ComputeSignature(expected));
    }

    [Fact]
    public void Signs_zero_content_length_as_empty_and_decodes_sorted_query_values()
    {
        var stringToSign = SharedKeyStringToSign.Build(
            "acct",
            "GET",
            new Uri("https://acct.blob.core.windows.net/c?restype=container&comp=list&prefix=events%2F2024%2F&Marker=a%20b"),
            [KeyValuePair.Create("Content-Length", "0")]);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\n/acct/c\ncomp:list\nmarker:a b\nprefix:events/2024/\nrestype:container",
            stringToSign);
    }
}
