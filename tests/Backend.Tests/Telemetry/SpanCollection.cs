using System.Collections;
using System.Diagnostics;

namespace Backend.Tests.Telemetry;

/// <summary>What the in-memory exporter writes to while the test reads it: a list behind a lock.</summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_spans)
            {
                return _spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public List<Activity> Where(Func<Activity, bool> predicate)
    {
        lock (_spans)
        {
            return _spans.Where(predicate).ToList();
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_spans)
        {
            return _spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans)
        {
            _spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Where(_ => true).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
