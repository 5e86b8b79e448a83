using System.Globalization;
using Serverless.Application.Common;
using Serverless.Domain.Forecasts;

namespace Serverless.Application.Forecasts;

/// <summary>The validated query of a forecast route: granularity (day by default) and horizon (its default, at most its limit).</summary>
public sealed record ForecastRequest(ForecastGranularity Granularity, int Horizon)
{
    /// <summary>Parses the raw query values, adding a field error per invalid parameter; null when any is invalid.</summary>
    public static ForecastRequest? Parse(string? horizon, string? granularity, ForecastOptions options, List<FieldError> errors)
    {
        var parsedGranularity = ForecastGranularity.Day;
        var granularityOk = true;
        if (!string.IsNullOrEmpty(granularity))
        {
            switch (granularity.Trim().ToLowerInvariant())
            {
                case "day":
                    parsedGranularity = ForecastGranularity.Day;
                    break;
                case "week":
                    parsedGranularity = ForecastGranularity.Week;
                    break;
                default:
                    errors.Add(new FieldError("granularity", "must be 'day' or 'week'."));
                    granularityOk = false;
                    break;
            }
        }

        var max = parsedGranularity == ForecastGranularity.Week ? options.MaxHorizonWeeks : options.MaxHorizonDays;
        var unit = parsedGranularity == ForecastGranularity.Week ? "weeks" : "days";
        var parsedHorizon = parsedGranularity == ForecastGranularity.Week ? options.DefaultHorizonWeeks : options.DefaultHorizonDays;
        if (!string.IsNullOrEmpty(horizon))
        {
            if (!int.TryParse(horizon, NumberStyles.Integer, CultureInfo.InvariantCulture, out parsedHorizon))
            {
                errors.Add(new FieldError("horizon", "must be a single integer."));
                return null;
            }

            if (parsedHorizon < 1 || parsedHorizon > max)
            {
                errors.Add(new FieldError("horizon", $"must be between 1 and {max} ({unit})."));
                return null;
            }
        }

        return granularityOk ? new ForecastRequest(parsedGranularity, parsedHorizon) : null;
    }
}
