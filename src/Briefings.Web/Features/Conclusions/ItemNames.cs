using Briefings.Core.Conclusions;

namespace Briefings.Web.Features.Conclusions;

/// <summary>How a directive row names the document's item it belongs to: by its key ("2.1": section order and number) or
/// as the document numbers it ("II.1", any case), spaces around ignored; the first of a repeated name wins. One rule for
/// the editor page (which item a row shows) and the save (which item a row is stored on), looked up by name rather than
/// searched per row (500 rows of a 500-item conclusion).</summary>
public sealed class ItemNames<T>
{
    private readonly Dictionary<string, T> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> byLabel = new(StringComparer.OrdinalIgnoreCase);

    public void Add(int sectionOrder, string? numeral, int number, T item)
    {
        byKey.TryAdd(DirectiveRow.ItemKey(sectionOrder, number), item);
        byLabel.TryAdd(ConclusionText.ItemLabel(numeral, number), item);
    }

    public bool TryFind(string? typed, out T item)
    {
        var name = (typed ?? "").Trim();
        return byKey.TryGetValue(name, out item!) || byLabel.TryGetValue(name, out item!);
    }
}
