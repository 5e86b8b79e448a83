using System.Collections.Immutable;

namespace Serverless.Learning.Forecasting;

/// <summary>
/// A model that knows its one-step in-sample errors (the innovations its analytic intervals assume Gaussian), each
/// divided by the innovation standard deviation, in time order. Known for a model fitted in this process and empty
/// after loading: the saved files keep only the shape <see cref="Automatic.AutomaticForecastTrainer"/> derives from them.
/// </summary>
internal interface IResidualSource
{
    ImmutableArray<double> StandardizedResiduals { get; }
}
