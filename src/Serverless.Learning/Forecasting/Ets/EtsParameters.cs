namespace Serverless.Learning.Forecasting.Ets;

/// <summary>
/// Smoothing parameters of an ETS model: alpha (level), beta (trend), gamma (season) and phi (damping). Components a
/// model does not have carry 0 (beta, gamma) or 1 (phi, meaning no damping).
/// </summary>
public readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi);
