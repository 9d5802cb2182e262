return Pipeline.Cli.CliApp.Run(args);
