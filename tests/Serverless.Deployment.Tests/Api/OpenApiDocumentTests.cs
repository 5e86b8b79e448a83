using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using Serverless.Application.Common;
using Serverless.Application.Events;
using Serverless.Application.Forecasts;
using Serverless.Application.Health;
using Serverless.Application.Hosting;
using Serverless.Application.Profiles;
using Serverless.Application.Segments;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Json;
using Serverless.Domain.Profiles;
using Serverless.Domain.Segments;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Api;

/// <summary>
/// docs/api/openapi.yaml describes exactly the HTTP functions of the catalogue (paths, methods, keys, parameters,
/// problem responses) and, through component schemas named after the C# result types, exactly the JSON they answer.
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "api", "openapi.yaml"))).AsObject());

    private static JsonObject Paths => Document.Value["paths"]!.AsObject();

    private static JsonObject Schemas => Document.Value["components"]!["schemas"]!.AsObject();

    public static TheoryData<string> HttpFunctions() => new(FunctionCatalog.Http.Select(f => f.Name));

    [Fact]
    public void The_document_is_OpenAPI_3_1_and_lists_exactly_the_catalogue_routes_and_methods()
    {
        Assert.Equal("3.1.0", (string?)Document.Value["openapi"]);
        var documented = Paths.SelectMany(path => path.Value!.AsObject()
                .Where(operation => HttpMethods.Contains(operation.Key))
                .Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order();
        var catalogued = FunctionCatalog.Http.Select(f => $"{f.Http!.Method} /api/{f.Http.Route}").Order();

        Assert.Equal(catalogued, documented);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Each_operation_has_its_function_name_parameters_key_and_problem_responses(string name)
    {
        var function = FunctionCatalog.Get(name);
        var operation = Operation(function);
        var responses = operation["responses"]!.AsObject();

        Assert.Equal(name, (string?)operation["operationId"]);
        var pathParameters = (operation["parameters"] as JsonArray ?? []).Select(p => p!.AsObject())
            .Where(p => (string?)p["in"] == "path")
            .ToList();
        Assert.Equal(RouteParameter().Matches(function.Http!.Route).Select(m => m.Groups[1].Value).Order(), pathParameters.Select(p => (string)p["name"]!).Order());
        Assert.All(pathParameters, p => Assert.True((bool?)p["required"]));

        var anonymous = function.Http.Authorization == HttpAuthorization.Anonymous;
        Assert.Equal(anonymous, operation["security"] is JsonArray { Count: 0 });
        Assert.Equal(!anonymous, responses.ContainsKey("401"));
        Assert.All(
            responses.Where(r => r.Key.StartsWith('4')),
            r => Assert.Equal("#/components/responses/Problem", (string?)r.Value!["$ref"]));

        // A handler that takes a request object reads a body; one that takes only route and query values does not.
        var readsBody = function.HandlerType.GetMethod("HandleAsync")!.GetParameters().Any(p => SchemaComparer.IsProductType(p.ParameterType));
        Assert.Equal(readsBody, operation["requestBody"]?["content"]?["application/json"]?["schema"] is not null);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Each_success_response_is_the_component_of_the_handler_result_type(string name)
    {
        var function = FunctionCatalog.Get(name);
        var resultType = HandlerResultType(function.HandlerType);
        var successes = Operation(function)["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();

        Assert.NotEmpty(successes);
        Assert.All(successes, r => Assert.Equal(
            SchemaComparer.ComponentPrefix + resultType.Name,
            (string?)r.Value!["content"]?["application/json"]?["schema"]?["$ref"]));
        Assert.Empty(SchemaComparer.Compare(Schemas, resultType));
    }

    [Fact]
    public void References_outside_the_document_name_the_contract_files_and_inside_it_name_components_that_exist()
    {
        var references = Document.Value.ToJsonString();
        var external = ReferenceValue().Matches(references).Select(m => m.Groups[1].Value).Where(r => !r.StartsWith('#')).Distinct().ToList();
        var local = ReferenceValue().Matches(references).Select(m => m.Groups[1].Value).Where(r => r.StartsWith(SchemaComparer.ComponentPrefix, StringComparison.Ordinal));

        Assert.Equal(["../contracts/event.schema.json"], external);
        Assert.All(external, r => Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "docs", "api", r)), r));
        Assert.All(local, r => Assert.True(Schemas.ContainsKey(r[SchemaComparer.ComponentPrefix.Length..]), r));
    }

    [Fact]
    public void The_problem_component_is_the_Problem_type_and_the_problem_response_uses_it()
    {
        Assert.Empty(SchemaComparer.Compare(Schemas, typeof(Problem)));
        Assert.Equal(
            SchemaComparer.ComponentPrefix + nameof(Problem),
            (string?)Document.Value["components"]!["responses"]!["Problem"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public void The_comparer_reports_a_schema_that_drifted_from_its_type()
    {
        var drifted = JsonNode.Parse(Schemas.ToJsonString())!.AsObject();
        var profile = drifted[nameof(ProfileResponse)]!.AsObject();
        profile["properties"]!.AsObject().Remove("cart");
        profile["properties"]!.AsObject()["loyaltyPoints"] = new JsonObject { ["type"] = "integer" };
        profile["properties"]!["lifecycle"]!["enum"] = new JsonArray("new", "active");
        profile["required"]!.AsArray().Add("segmentId");
        drifted[nameof(RfmScore)]!["properties"]!["r"]!["type"] = "string";

        var problems = SchemaComparer.Compare(drifted, typeof(ProfileResponse));

        Assert.Contains("ProfileResponse.cart: written by the C# type but not in the schema.", problems);
        Assert.Contains("ProfileResponse.loyaltyPoints: in the schema but not written by the C# type.", problems);
        Assert.Contains(problems, p => p.StartsWith("ProfileResponse.lifecycle: enum [new, active]", StringComparison.Ordinal));
        Assert.Contains("ProfileResponse.segmentId: omitted when null, so it must not be required.", problems);
        Assert.Contains("RfmScore.r: type \"string\" instead of \"integer\".", problems);
    }

    public static TheoryData<string, string> Responses()
    {
        var at = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        return new TheoryData<string, string>
        {
            { nameof(IngestResponse), Json(new IngestResponse(2, ["e-1", "e-2"])) },
            { nameof(ProfileResponse), Json(FullProfile(at)) },
            { nameof(ProfileResponse), Json(new ProfileResponse { UserId = "u-2", EventCounts = new Dictionary<string, long>(), CategoryAffinity = [], BrandAffinity = [], RecentItems = [], Cart = new Dictionary<string, int>(), RecentSearches = [], UpdatedAt = at }) },
            { nameof(SegmentListResponse), Json(new SegmentListResponse([new SegmentSummary("champions", "Champions", "R 5 and FM 4-5", 12)], RfmThresholds.Default)) },
            { nameof(SegmentListResponse), Json(new SegmentListResponse([], RfmThresholds.Default with { ComputedAt = at, Population = 4338 })) },
            { nameof(SegmentMembersResponse), Json(new SegmentMembersResponse("champions", [new SegmentMember("champions", "u-1", at)], "token")) },
            { nameof(SegmentMembersResponse), Json(new SegmentMembersResponse("lost", [], null)) },
            { nameof(HealthReport), Json(new HealthReport("unhealthy", at, [new HealthProbeReport("storage", "healthy", 3.5, null), new HealthProbeReport("cosmos", "unhealthy", 5000, "timeout")])) },
            { nameof(Problem), Json(Problem.Validation([new FieldError("[3].lines[0].quantity", "must be greater than 0.")]) with { Instance = "/api/events" }) },
            { nameof(Problem), Json(Problem.Unauthorized()) },
            { nameof(ForecastResponse), Json(SampleForecast(at, ForecastSeriesKind.Product, "85123A", ["theta", "croston"], new ForecastAccuracyRecord(1.5, 0.8, 14, 8))) },
            { nameof(ForecastResponse), Json(SampleForecast(at, ForecastSeriesKind.Category, "Lighting", null, new ForecastAccuracyRecord(null, null, 0, 0))) },
            {
                nameof(ReorderResponse), Json(new ReorderResponse
                {
                    ProductId = "85123A", LeadTimeDays = 7, ReviewPeriodDays = 7, ServiceLevel = 0.95, LeadTimeDemand = 21, SafetyStock = 6,
                    ReorderPoint = 27, OrderUpToLevel = 50, ReorderQuantity = 23, Model = "theta",
                    Backtest = new ForecastAccuracyRecord(1.5, 0.8, 14, 8), DataWindow = new ForecastDataWindow(new DateOnly(2025, 1, 1), new DateOnly(2025, 5, 31), 151),
                })
            },
        };
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task What_the_CSharp_types_write_validates_against_their_component(string component, string json)
    {
        var schema = await ComponentSchemaAsync(component);

        Assert.Empty(schema.Validate(json));
    }

    [Fact]
    public async Task The_component_validation_rejects_a_wrong_value_and_an_unknown_member()
    {
        var schema = await ComponentSchemaAsync(nameof(ProfileResponse));
        var json = JsonNode.Parse(Json(FullProfile(DateTimeOffset.UnixEpoch)))!.AsObject();
        json["lifecycle"] = "zombie";
        json["rfm"]!["r"] = 7;
        json["loyaltyPoints"] = 3;

        var errors = schema.Validate(json.ToJsonString()).Select(e => e.Path).ToList();

        Assert.Contains("#/lifecycle", errors);
        Assert.Contains("#/rfm.r", errors);
        Assert.Contains("#/loyaltyPoints", errors);
    }

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static JsonObject Operation(FunctionDefinition function) =>
        Paths["/api/" + function.Http!.Route]?[function.Http.Method.ToLowerInvariant()]?.AsObject()
            ?? throw new Xunit.Sdk.XunitException($"{function.Name}: {function.Http.Method} /api/{function.Http.Route} is not in openapi.yaml.");

    /// <summary>T of <c>Task&lt;HandlerResult&lt;T&gt;&gt; HandleAsync(...)</c>.</summary>
    private static Type HandlerResultType(Type handler)
    {
        var returned = handler.GetMethod("HandleAsync")!.ReturnType;
        var result = returned.IsGenericType ? returned.GetGenericArguments()[0] : null;
        return result is { IsGenericType: true } && result.GetGenericTypeDefinition() == typeof(HandlerResult<>)
            ? result.GetGenericArguments()[0]
            : throw new Xunit.Sdk.XunitException($"{handler.Name}.HandleAsync does not return Task<HandlerResult<T>>.");
    }

    /// <summary>The component as a JSON Schema NJsonSchema reads: the other components become its definitions.</summary>
    private static Task<JsonSchema> ComponentSchemaAsync(string component)
    {
        var definitions = JsonNode.Parse(Schemas.ToJsonString().Replace(SchemaComparer.ComponentPrefix, "#/definitions/", StringComparison.Ordinal))!.AsObject();
        var root = definitions[component]!.DeepClone().AsObject();
        root["definitions"] = definitions;
        return JsonSchema.FromJsonAsync(root.ToJsonString());
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, DomainJson.Options);

    private static ForecastResponse SampleForecast(DateTimeOffset at, ForecastSeriesKind kind, string name, IReadOnlyList<string>? components, ForecastAccuracyRecord backtest) =>
        ForecastResponse.From(
            new DemandForecast
            {
                ProductId = DemandForecast.KeyOf(kind, name),
                Kind = kind,
                Name = name,
                Granularity = ForecastGranularity.Week,
                Model = components is null ? "bottom_up" : "combination",
                Components = components,
                Backtest = backtest,
                DataWindow = new ForecastDataWindow(new DateOnly(2024, 6, 3), new DateOnly(2025, 5, 26), 52),
                GeneratedAt = at,
                Points = [new ForecastPoint(new DateOnly(2025, 6, 2), 3.5, 1, 6, 0, 8), new ForecastPoint(new DateOnly(2025, 6, 9), 3.25, 1, 6, 0, 9)],
            },
            2,
            ForecastSource.OnDemand);

    private static ProfileResponse FullProfile(DateTimeOffset at) => new()
    {
        UserId = "u-1",
        FirstSeen = at.AddDays(-30),
        LastSeen = at,
        EventCounts = new Dictionary<string, long> { ["view"] = 12, ["purchase"] = 2 },
        OrderCount = 2,
        GrossRevenue = 120.5m,
        RefundedAmount = 10m,
        NetRevenue = 110.5m,
        AverageOrderValue = 60.25m,
        Currency = "GBP",
        FirstPurchaseAt = at.AddDays(-20),
        LastPurchaseAt = at.AddDays(-2),
        MeanDaysBetweenPurchases = 18,
        CategoryAffinity = [new AffinityScore("Lighting", 7.5)],
        BrandAffinity = [new AffinityScore("acme", 2)],
        RecentItems = [new RecentItem("85123A", "view", at, "e-9")],
        Cart = new Dictionary<string, int> { ["85123A"] = 2 },
        RecentSearches = ["candles"],
        ReviewCount = 1,
        AverageRating = 4,
        Lifecycle = LifecycleStage.AtRisk,
        RecencyDays = 2,
        Rfm = new RfmScore(2, 2, 110.5m, 5, 2, 3),
        SegmentId = "potential-loyalists",
        SegmentName = "Potential loyalists",
        SegmentSince = at.AddDays(-2),
        ScoredAt = at,
        UpdatedAt = at,
    };

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("\"\\$ref\":\"([^\"]+)\"")]
    private static partial Regex ReferenceValue();
}
