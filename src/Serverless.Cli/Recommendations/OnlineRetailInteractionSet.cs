using Serverless.Cli.Datasets;
using Serverless.Learning.Recommenders;

namespace Serverless.Cli.Recommendations;

/// <summary>The interactions read from Online Retail and why rows were dropped.</summary>
internal sealed record OnlineRetailInteractionSet(
    IReadOnlyList<Interaction> Interactions, OnlineRetailRowCounts Counts, long NonProductLines);
