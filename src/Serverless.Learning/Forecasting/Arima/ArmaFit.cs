namespace Serverless.Learning.Forecasting.Arima;

/// <summary>What one likelihood evaluation gives: -2 log-likelihood, the concentrated innovation variance and constant.</summary>
internal readonly record struct ArmaFit(double MinusTwoLogLikelihood, double InnovationVariance, double Constant);
