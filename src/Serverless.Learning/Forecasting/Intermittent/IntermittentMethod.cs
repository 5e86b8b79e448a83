namespace Serverless.Learning.Forecasting.Intermittent;

/// <summary>Which intermittent-demand method <see cref="IntermittentDemandTrainer"/> fits.</summary>
public enum IntermittentMethod
{
    Croston = 1,

    /// <summary>Syntetos-Boylan approximation (bias-corrected Croston).</summary>
    SyntetosBoylan = 2,

    /// <summary>Teunter-Syntetos-Babai: demand probability times demand size.</summary>
    TeunterSyntetosBabai = 3,
}
