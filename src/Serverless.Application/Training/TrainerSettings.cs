using Microsoft.Extensions.Configuration;

namespace Serverless.Application.Training;

/// <summary>The <c>Recommendations:Training</c> section as the trainers read it (see <see cref="RecommenderTrainerConfiguration"/>).</summary>
public sealed class TrainerSettings(IConfiguration section)
{
    public IConfiguration Section { get; } = section ?? throw new ArgumentNullException(nameof(section));

    /// <summary>The configured trainer; throws <see cref="InvalidOperationException"/> naming a bad setting.</summary>
    public ConfiguredTrainer Create() => RecommenderTrainerConfiguration.Create(Section);
}
