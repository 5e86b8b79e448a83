namespace Serverless.Cli.Intents;

/// <summary>
/// Measured quality on one test set; the out-of-scope figures only when the test set has out-of-scope examples
/// (<see cref="InScopeArgmaxAccuracy"/>: accuracy on the in-scope examples when nothing is rejected).
/// </summary>
internal sealed record IntentTestResult(
    string Name, int Examples, double Accuracy, double MacroF1, double? InScopeAccuracy, double? OutOfScopeRecall,
    double? InScopeArgmaxAccuracy);
