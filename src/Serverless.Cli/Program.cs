using Serverless.Cli;

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess());
