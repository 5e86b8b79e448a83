using System.CommandLine;
using Serverless.Learning.Classification;

namespace Serverless.Cli.Intents;

/// <summary>The training options shared by <c>intents evaluate</c> and <c>intents classify</c>.</summary>
internal sealed class IntentModelOptions
{
    public readonly Option<double> Regularization = new("--regularization")
    {
        Description = "L2 penalty λ on the mean loss (scikit-learn C = 1/(λ·n)).",
        DefaultValueFactory = _ => new SoftmaxRegressionTrainer.Options().L2Regularization,
    };

    public readonly Option<int> MaxIterations = new Option<int>("--max-iterations")
    {
        Description = "Upper bound on L-BFGS iterations.",
        DefaultValueFactory = _ => new SoftmaxRegressionTrainer.Options().MaximumIterations,
    }.InRange(1, 100_000);

    public readonly Option<int> HashBits = new Option<int>("--hash-bits")
    {
        Description = "Feature hashing: 2^N buckets per n-gram family.",
        DefaultValueFactory = _ => 20,
    }.InRange(10, 28);

    public readonly Option<string?> OutOfScopeLabel = new("--oos-label")
    {
        Description = "Label of out-of-scope examples (not a class; used to tune the threshold and reported as out of scope).",
    };

    public readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the validation hold-out and of dataset splits.",
        DefaultValueFactory = _ => 42,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Regularization);
        command.Options.Add(MaxIterations);
        command.Options.Add(HashBits);
        command.Options.Add(OutOfScopeLabel);
        command.Options.Add(Seed);
    }

    public IntentClassifierTrainer.Options Read(ParseResult parseResult, string? outOfScopeLabel = null)
    {
        var regularization = parseResult.GetValue(Regularization);
        if (!(regularization >= 0) || double.IsInfinity(regularization))
        {
            throw new ArgumentException("--regularization must be a finite number >= 0.");
        }

        return new IntentClassifierTrainer.Options
        {
            Features = new() { HashBits = parseResult.GetValue(HashBits) },
            Regression = new() { L2Regularization = regularization, MaximumIterations = parseResult.GetValue(MaxIterations) },
            OutOfScopeLabel = parseResult.GetValue(OutOfScopeLabel) ?? outOfScopeLabel,
            Seed = parseResult.GetValue(Seed),
        };
    }
}
