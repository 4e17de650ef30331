using Pith.Core.Crypto;

namespace Pith.Bench;

/// <summary>
/// <c>pith-bench BENCHMARK [options] [--json]</c>: one subcommand per benchmark, each in its own class returning a
/// <see cref="Report"/>. Progress goes to stderr so that stdout holds only the report (one JSON object with --json).
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/Pith.Bench -- BENCHMARK [options] [--json]

        benchmarks:
          verify [--records N] [--seconds S]   RecordVerifier.Verify throughput on N generated records (default 20,000),
                                               on 1 thread and on every core, and its parts; each run at least S seconds
                                               (default 3) and one full pass
          import [--records N] [--reissued N] [--bad N] [--jobs N] [--dir DIR] [--keep] [--pith FILE]
                 [--baseline FILE] [--peer SCRIPT] [--rounds N] [--sync]
                                               pith import as a whole process over a generated corpus on disk (default
                                               100,000 records, 1% reissued, 300 bad files): fresh import, re-import and
                                               pith verify of the folder: records/s, peak memory, index bytes per
                                               record, each over the ceiling (Ed25519 verify alone on every core), and
                                               issue 15's targets; pith published (native) into DIR as a user installs
                                               it, unless --pith FILE is given; with --baseline, that pith too, in
                                               turn, and the ratios; with --peer (pith_peer.py), its import of the same
                                               folder in turn, and pith / peer; N rounds (default 1)
          search --db INDEX [--queries N] [--limit N] [--seconds S] [--hits FILE] [--pith FILE] [--baseline FILE]
                                               pith search's TitleSearch latency in process on an existing index (e.g. one
                                               kept by 'import --keep --dir DIR': DIR/index.db, or resolve's DIR/index-N.db):
                                               N queries (default 300) of 1 to 3 title words and absent words,
                                               median/p90/p99/max per query; --hits writes each query's hits (Pith
                                               numbers and scores, in rank order) to FILE, to compare two builds' ranking;
                                               with --pith, each query also as a whole 'pith search --json' process, and
                                               with --baseline that pith's in turn: the ratio, and whether both printed
                                               the same hits
          resolve [--records N] [--dir DIR] [--runs N] [--passes N] [--pith FILE] [--baseline FILE] [--peer SCRIPT]
                                               alias look-ups on an index of N generated records (default 1,000,000;
                                               built once through the importer and kept in DIR, default
                                               $TMPDIR/pith-resolve-bench): in-process latency over a mix of alias forms
                                               (median, p99; --passes over them, default 5) and whole-process
                                               pith resolve wall time (median of --runs, default 30) of the published
                                               native binary (published into DIR unless --pith FILE is given); with
                                               --baseline (another pith) and --peer (pith_peer.py, on its own index of
                                               the same records, built once by its import), whole processes of each in
                                               turn resolving the same Pith number, and the ratios
          serve [--records N] [--dir DIR] [--clients C] [--seconds S] [--pith FILE] [--baseline FILE] [--rounds N]
                                               a real pith serve (published native, into DIR unless --pith FILE) on an
                                               index of N generated records (default 100,000; built once and kept in
                                               DIR, default $TMPDIR/pith-serve-bench), C concurrent clients (default 16)
                                               over loopback, S seconds per route (default 10): requests/s, p50 and p99
                                               for fetching a record and for resolving an arXiv id; with --baseline,
                                               that pith too, in turn, and the ratios; N rounds (default 1)

          --json                               the same figures as one JSON object
        """;

    private static readonly string[] CommonFlags = ["--json"];

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            (args.Length == 0 ? Console.Error : Console.Out).WriteLine(Usage);
            return args.Length == 0 ? BenchFailure.Usage : 0;
        }
        try
        {
            var (report, arguments) = args[0] switch
            {
                VerifyBench.Name => Run(args, VerifyBench.ValuedOptions, VerifyBench.Run),
                ImportBench.Name => Run(args, ImportBench.ValuedOptions, ImportBench.Run, "--keep", "--sync"),
                SearchBench.Name => Run(args, SearchBench.ValuedOptions, SearchBench.Run),
                ResolveBench.Name => Run(args, ResolveBench.ValuedOptions, ResolveBench.Run),
                ServeBench.Name => Run(args, ServeBench.ValuedOptions, ServeBench.Run),
                _ => throw new BenchFailure($"unknown benchmark '{args[0]}'; try --help", BenchFailure.Usage),
            };
            if (arguments.Flag("--json"))
            {
                using var stdout = Console.OpenStandardOutput();
                report.WriteJson(stdout);
            }
            else
            {
                report.WriteText(Console.Out);
            }
            return 0;
        }
        catch (BenchFailure e)
        {
            Console.Error.WriteLine("pith-bench: " + e.Message);
            return e.ExitCode;
        }
        catch (CryptoUnavailableException e)
        {
            Console.Error.WriteLine("pith-bench: " + e.Message);
            return BenchFailure.Failed;
        }
    }

    private static (Report, BenchArguments) Run(string[] args, string[] valued, Func<BenchArguments, TextWriter, Report> bench, params string[] flags)
    {
        var arguments = BenchArguments.Parse(args[1..], valued, [.. CommonFlags, .. flags]);
        return (bench(arguments, Console.Error), arguments);
    }
}
