namespace Pith.Bench;

/// <summary>
/// A sample of times, sorted once, and its nearest-rank percentiles: the smallest value with at least that share of
/// the sample at or below it. The median of an even count is the mean of the two middle values (of two rounds, not the
/// lower one).
/// </summary>
public sealed class Percentiles(IEnumerable<double> values)
{
    private readonly double[] _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public double Min => _sorted[0];

    public double Median => _sorted.Length % 2 == 1 ? _sorted[_sorted.Length / 2] : (_sorted[_sorted.Length / 2 - 1] + _sorted[_sorted.Length / 2]) / 2;

    public double P90 => At(0.9);

    public double P99 => At(0.99);

    public double Max => _sorted[^1];

    public double At(double share) => _sorted[Math.Min(_sorted.Length - 1, (int)Math.Ceiling(share * _sorted.Length) - 1)];
}
