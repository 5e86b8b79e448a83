namespace Serverless.Domain.Profiles;

/// <summary>RFM values (recency in days, frequency in orders, monetary as net revenue) and their 1-5 scores.</summary>
public sealed record RfmScore(double RecencyDays, int Frequency, decimal Monetary, int R, int F, int M);
