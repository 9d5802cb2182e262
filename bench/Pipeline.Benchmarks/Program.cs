using Pipeline.Benchmarks;

var commands = typeof(IBenchCommand).Assembly.GetTypes()
    .Where(t => typeof(IBenchCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command is null)
{
    Console.Error.WriteLine("usage: Pipeline.Benchmarks <command> [options]");
    foreach (var c in commands) Console.Error.WriteLine($"  {c.Name,-12} {c.Usage}");
    return 2;
}
try { return command.Run(new BenchArgs(args[1..])); }
catch (Exception ex) when (ex is ArgumentException or IOException)
{
    Console.Error.WriteLine($"{command.Name}: {ex.Message}");
    return 2;
}
