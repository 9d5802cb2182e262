using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>A `pipeline` subcommand; <see cref="CliApp"/> lists them.</summary>
internal interface ICliCommand
{
    Command Create();
}
