namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// The names an expression of one template can use: its parameters (the value a caller passes, else the default),
/// its variables and the variables of enclosing loops. Values are computed on first use, so a template whose other
/// parts depend on deployment outputs can still be evaluated where it is static.
/// </summary>
public sealed class BicepScope
{
    private readonly IReadOnlyDictionary<string, Func<object?>> _parameterValues;
    private readonly IReadOnlyDictionary<string, object?> _locals;
    private readonly Dictionary<string, object?> _cache;
    private readonly HashSet<string> _evaluating;

    public BicepScope(BicepTemplate template, IReadOnlyDictionary<string, Func<object?>>? parameterValues = null)
        : this(template, parameterValues ?? new Dictionary<string, Func<object?>>(), new Dictionary<string, object?>(), [], [])
    {
    }

    private BicepScope(
        BicepTemplate template,
        IReadOnlyDictionary<string, Func<object?>> parameterValues,
        IReadOnlyDictionary<string, object?> locals,
        Dictionary<string, object?> cache,
        HashSet<string> evaluating)
    {
        Template = template;
        _parameterValues = parameterValues;
        _locals = locals;
        _cache = cache;
        _evaluating = evaluating;
    }

    public BicepTemplate Template { get; }

    /// <summary>A scope where <paramref name="name"/> (a loop variable) has <paramref name="value"/>.</summary>
    public BicepScope WithLocal(string name, object? value)
    {
        var locals = new Dictionary<string, object?>(_locals, StringComparer.Ordinal) { [name] = value };
        return new BicepScope(Template, _parameterValues, locals, _cache, _evaluating);
    }

    public object? Evaluate(BicepSyntaxNode expression) => BicepEvaluator.Evaluate(expression, this);

    public object? Lookup(string name, BicepSyntaxNode at)
    {
        if (_locals.TryGetValue(name, out var local))
        {
            return local;
        }

        // Test classes share one deployment and may evaluate in parallel; the lock is re-entrant for nested lookups.
        lock (_cache)
        {
            return LookupShared(name, at);
        }
    }

    private object? LookupShared(string name, BicepSyntaxNode at)
    {
        if (_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (!_evaluating.Add(name))
        {
            throw new BicepEvaluationException($"{Template.File.RelativePath}: '{name}' refers to itself ({at.Location}).");
        }

        try
        {
            // Parameters and variables are evaluated without the loop variables of the place that uses them.
            var root = new BicepScope(Template, _parameterValues, new Dictionary<string, object?>(), _cache, _evaluating);
            object? value;
            if (Template.Parameters.TryGetValue(name, out var parameter))
            {
                value = _parameterValues.TryGetValue(name, out var given)
                    ? given()
                    : parameter.DefaultValue is { } defaultValue
                        ? root.Evaluate(defaultValue)
                        : throw new BicepEvaluationException($"{Template.File.RelativePath}: parameter '{name}' has no value and no default ({at.Location}).");
            }
            else if (Template.Variables.TryGetValue(name, out var variable))
            {
                value = root.Evaluate(variable);
            }
            else
            {
                throw new BicepEvaluationException($"{Template.File.RelativePath}: '{name}' is not a parameter, variable or loop variable with a static value ({at.Location}).");
            }

            _cache[name] = value;
            return value;
        }
        finally
        {
            _evaluating.Remove(name);
        }
    }
}
