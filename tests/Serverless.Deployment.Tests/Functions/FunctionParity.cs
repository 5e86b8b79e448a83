using Serverless.Application.Hosting;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// Compares the function catalogue with the functions declared in the Functions app: every entry has exactly one
/// function of its name with the matching trigger, route, method, key, queue setting, connection or schedule, taking
/// and calling the entry's handler; and every declared function is in the catalogue. Returns one line per problem.
/// </summary>
public static class FunctionParity
{
    /// <summary>The guide's limit for a thin adapter.</summary>
    public const int MaxFileLines = 60;

    public static IReadOnlyList<string> Compare(IReadOnlyList<FunctionDefinition> catalogue, IReadOnlyList<DeclaredFunction> declared)
    {
        var problems = new List<string>();
        foreach (var group in declared.GroupBy(f => f.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"{group.Key}: declared {group.Count()} times ({string.Join(", ", group.Select(f => f.File))}).");
        }

        foreach (var function in declared.Where(d => catalogue.All(c => c.Name != d.Name)))
        {
            problems.Add($"{function.Name} ({function.File}): not in FunctionCatalog.");
        }

        foreach (var entry in catalogue)
        {
            var matches = declared.Where(d => d.Name == entry.Name).ToList();
            if (matches.Count == 0)
            {
                problems.Add($"{entry.Name}: in FunctionCatalog but no [Function(\"{entry.Name}\")] in the Functions app.");
                continue;
            }

            foreach (var function in matches)
            {
                problems.AddRange(CompareOne(entry, function).Select(p => $"{entry.Name} ({function.File}): {p}"));
            }
        }

        return problems;
    }

    private static IEnumerable<string> CompareOne(FunctionDefinition entry, DeclaredFunction function)
    {
        var expectedTrigger = entry.Trigger + "Trigger";
        if (function.TriggerAttribute != expectedTrigger)
        {
            yield return $"trigger is {function.TriggerAttribute ?? "missing"}, the catalogue says {expectedTrigger}.";
            yield break;
        }

        switch (entry.Trigger)
        {
            case TriggerKind.Http:
                var http = entry.Http!;
                if (function.AuthorizationLevel != http.Authorization.ToString())
                {
                    yield return $"AuthorizationLevel.{function.AuthorizationLevel} instead of AuthorizationLevel.{http.Authorization}.";
                }

                if (function.Methods.Count != 1 || !string.Equals(function.Methods[0], http.Method, StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"methods [{string.Join(", ", function.Methods)}] instead of [{http.Method}].";
                }

                if (function.Route != http.Route)
                {
                    yield return $"Route \"{function.Route}\" instead of \"{http.Route}\".";
                }

                break;
            case TriggerKind.Queue:
                var queue = entry.Queue!;
                if (function.QueueName != $"%{queue.QueueNameSetting}%")
                {
                    yield return $"queue \"{function.QueueName}\" instead of \"%{queue.QueueNameSetting}%\".";
                }

                if (function.Connection != queue.Connection)
                {
                    yield return $"Connection \"{function.Connection}\" instead of \"{queue.Connection}\".";
                }

                break;
            case TriggerKind.Timer:
                var timer = entry.Timer!;
                if (function.Schedule != $"%{timer.ScheduleSetting}%")
                {
                    yield return $"schedule \"{function.Schedule}\" instead of \"%{timer.ScheduleSetting}%\".";
                }

                break;
        }

        var handler = entry.HandlerType.FullName!;
        if (function.HandlerParameters.Count != 1 || function.HandlerParameters[0] != handler)
        {
            yield return $"{function.ClassName} takes [{string.Join(", ", function.HandlerParameters)}] from Serverless.Application; it must take exactly {handler}.";
        }

        if (function.HandlersCalled.Count != 1 || function.HandlersCalled[0] != handler)
        {
            yield return $"calls HandleAsync on [{string.Join(", ", function.HandlersCalled)}]; it must call {handler}.HandleAsync.";
        }

        if (function.FileLines > MaxFileLines)
        {
            yield return $"{function.FileLines} lines; a function is a thin adapter of at most {MaxFileLines}.";
        }
    }
}
