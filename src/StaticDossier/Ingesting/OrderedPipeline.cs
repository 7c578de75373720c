using System.Runtime.ExceptionServices;

namespace StaticDossier.Ingesting;

/// <summary>Runs a step over items 0..n-1 on every core, taking them in order, and a second step over their results one
/// at a time and in that same order, on whichever worker finished the item whose turn it is, while the others carry on
/// with the first step. Work the second step hands out (<see cref="Post"/>) is done by the next free worker before it
/// takes another item. At most <c>window</c> items are taken past the one whose turn it is, so the results held at once
/// are bounded however many items there are.</summary>
/// <remarks>Ingest: cleaning is the first step, the curation decisions the second (they name pages first come, first
/// served, so they follow seed order), and the writes they decide on the posted work. Before, every seed was cleaned
/// before the first decision, which held every cleaned page at once (5.4 GB at 100,000 seeds) and left the decisions
/// and writes to run after cleaning, one core idle for most of them.</remarks>
internal sealed class OrderedPipeline<T>
{
    private readonly object _gate = new();
    private readonly int _count;
    private readonly int _window;
    private readonly ParallelOptions _parallel;
    private readonly T?[] _results;
    private readonly bool[] _ready;
    private readonly Queue<Action> _posted = new();
    private int _taken;
    private int _turn;
    private bool _consuming;
    private ExceptionDispatchInfo? _failure;

    /// <param name="count">How many items there are.</param>
    /// <param name="window">How many items may be taken past the one whose turn it is (at least 1).</param>
    /// <param name="parallel">How many workers run.</param>
    public OrderedPipeline(int count, int window, ParallelOptions parallel)
    {
        _count = count;
        _window = Math.Max(1, window);
        _parallel = parallel;
        _results = new T?[count];
        _ready = new bool[count];
    }

    /// <summary>Hands <paramref name="work"/> to the next free worker; called from the second step.</summary>
    public void Post(Action work)
    {
        lock (_gate)
        {
            _posted.Enqueue(work);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Runs <paramref name="produce"/> on every item and <paramref name="consume"/> on each result in item
    /// order, and all posted work, then returns. The first exception any of them throws stops every worker (items
    /// taken are finished, no new one is taken) and is thrown here as it was thrown.</summary>
    public void Run(Func<int, T> produce, Action<int, T> consume)
    {
        var workers = _parallel.MaxDegreeOfParallelism > 0 ? _parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;
        Parallel.For(0, workers, _parallel, _ => Work(produce, consume));
        _failure?.Throw();
    }

    private void Work(Func<int, T> produce, Action<int, T> consume)
    {
        while (true)
        {
            Action? work = null;
            var item = -1;
            lock (_gate)
            {
                while (true)
                {
                    if (_failure is not null || (_turn == _count && _posted.Count == 0))
                    {
                        return;
                    }

                    if (_posted.TryDequeue(out work))
                    {
                        break;
                    }

                    if (_taken < _count && _taken - _turn < _window)
                    {
                        item = _taken++;
                        break;
                    }

                    Monitor.Wait(_gate);
                }
            }

            try
            {
                if (work is not null)
                {
                    work();
                }
                else
                {
                    Finish(item, produce(item), consume);
                }
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(ex);
                    Monitor.PulseAll(_gate);
                }

                return;
            }
        }
    }

    /// <summary>Stores the result of <paramref name="item"/>; unless another worker is consuming already, consumes every
    /// result whose turn has come.</summary>
    private void Finish(int item, T result, Action<int, T> consume)
    {
        lock (_gate)
        {
            _results[item] = result;
            _ready[item] = true;
            if (_consuming || item != _turn)
            {
                return;
            }

            _consuming = true;
        }

        while (true)
        {
            T next;
            int turn;
            lock (_gate)
            {
                if (_failure is not null || _turn == _count || !_ready[_turn])
                {
                    _consuming = false;
                    Monitor.PulseAll(_gate);
                    return;
                }

                turn = _turn;
                next = _results[turn]!;
                _results[turn] = default;
            }

            try
            {
                consume(turn, next);
            }
            finally
            {
                lock (_gate)
                {
                    _turn++;
                    // The window moved (a waiting worker may take an item), or the last turn is done (all may stop).
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
