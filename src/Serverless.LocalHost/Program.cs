using Serverless.LocalHost;

var app = LocalHostApplication.Create(args);
await app.RunAsync();
