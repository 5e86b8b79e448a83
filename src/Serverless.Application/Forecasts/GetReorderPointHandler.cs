using System.Globalization;
using Microsoft.Extensions.Options;
using Serverless.Application.Common;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Validation;
using Serverless.Learning.Forecasting.Inventory;

namespace Serverless.Application.Forecasts;

/// <summary>
/// GET /api/forecasts/products/{productId}/reorder?leadTimeDays=&amp;serviceLevel=&amp;reviewPeriodDays=: inventory
/// targets from the product's daily forecast distribution (<see cref="InventoryPlanner"/>). <c>leadTimeDays</c> is
/// required (at least 1); <c>serviceLevel</c> defaults to 0.95 (0.5 to 0.999); <c>reviewPeriodDays</c> to 7 (0 or
/// more); lead time plus review period at most <see cref="ForecastOptions.MaxHorizonDays"/>. 400 names the field; 404
/// for an unknown product.
/// </summary>
public sealed class GetReorderPointHandler(ForecastService forecasts, SeriesForecaster forecaster, IOptions<ForecastOptions> options, TimeProvider timeProvider)
{
    public const double DefaultServiceLevel = 0.95;
    public const int DefaultReviewPeriodDays = 7;

    public async Task<HandlerResult<ReorderResponse>> HandleAsync(
        string productId, string? leadTimeDays, string? serviceLevel, string? reviewPeriodDays, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (IdentifierRules.Check(productId) is { } problem)
        {
            errors.Add(new FieldError("productId", problem));
        }

        var max = options.Value.MaxHorizonDays;
        int? lead = null;
        if (string.IsNullOrEmpty(leadTimeDays))
        {
            errors.Add(new FieldError("leadTimeDays", "is required."));
        }
        else if (!int.TryParse(leadTimeDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedLead) || parsedLead < 1 || parsedLead > max)
        {
            errors.Add(new FieldError("leadTimeDays", $"must be an integer between 1 and {max}."));
        }
        else
        {
            lead = parsedLead;
        }

        var level = DefaultServiceLevel;
        if (!string.IsNullOrEmpty(serviceLevel)
            && (!double.TryParse(serviceLevel, NumberStyles.Float, CultureInfo.InvariantCulture, out level) || !(level is >= 0.5 and <= 0.999)))
        {
            errors.Add(new FieldError("serviceLevel", "must be a number between 0.5 and 0.999."));
        }

        var review = DefaultReviewPeriodDays;
        if (!string.IsNullOrEmpty(reviewPeriodDays)
            && (!int.TryParse(reviewPeriodDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out review) || review < 0 || review > max))
        {
            errors.Add(new FieldError("reviewPeriodDays", $"must be an integer between 0 and {max}."));
        }

        if (errors.Count == 0 && lead + review > max)
        {
            errors.Add(new FieldError("reviewPeriodDays", $"lead time plus review period must be at most {max} days."));
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var fitted = await forecasts.FitProductAsync(productId, ForecastGranularity.Day, cancellationToken);
        if (fitted is null)
        {
            return Problem.NotFound($"No product '{productId}' in the catalog or the purchase history.");
        }

        var forecast = forecaster.Forecast(fitted, lead!.Value + review, timeProvider.GetUtcNow());
        if (fitted.Model is null)
        {
            return HandlerResult<ReorderResponse>.Ok(Response(productId, lead.Value, review, level, new InventoryTargets(lead.Value, review, level, 0, 0, 0, 0, 0), forecast));
        }

        var distribution = fitted.Model.Predict(lead.Value + review).Distribution;
        var targets = InventoryPlanner.Plan(distribution, lead.Value, review, level);
        return HandlerResult<ReorderResponse>.Ok(Response(productId, lead.Value, review, level, targets, forecast));
    }

    private static ReorderResponse Response(string productId, int lead, int review, double level, InventoryTargets targets, DemandForecast forecast) => new()
    {
        ProductId = productId,
        LeadTimeDays = lead,
        ReviewPeriodDays = review,
        ServiceLevel = level,
        LeadTimeDemand = Math.Round(targets.LeadTimeDemand, 4),
        SafetyStock = Math.Round(targets.SafetyStock, 4),
        ReorderPoint = Math.Round(targets.ReorderPoint, 4),
        OrderUpToLevel = Math.Round(targets.OrderUpToLevel, 4),
        ReorderQuantity = Math.Round(Math.Max(targets.OrderUpToLevel - targets.ReorderPoint, 0), 4),
        Model = forecast.Model,
        Backtest = forecast.Backtest,
        DataWindow = forecast.DataWindow,
    };
}
