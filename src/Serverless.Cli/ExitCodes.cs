namespace Serverless.Cli;

/// <summary>Process exit codes of the serverless tool.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    public const int Failure = 1;

    /// <summary>The command line could not be parsed or an option value is invalid.</summary>
    public const int Usage = 2;
}
