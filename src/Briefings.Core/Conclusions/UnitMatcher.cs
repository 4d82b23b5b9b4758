using System.Text;

namespace Briefings.Core.Conclusions;

/// <summary>
/// Links a unit as written in a conclusion ("Phòng TC-KH huyện", "UBND xã An Lạc") to a unit of the
/// directory, by the words they share after folding and expanding abbreviations.
/// <para>Words are weighted by how rare they are in the directory: "huyện", "ủy", "ban" appear in many names
/// and say little; "Tài chính", "Dân vận" say a lot. A named place in the phrase ("xã An Lạc") must be in the
/// unit's name, and then the rest must agree: "UBND xã An Lạc" never matches "Hội Nông dân xã An Lạc" nor
/// "UBND xã Bình Đông". The score is the weighted Dice coefficient of the two word sets.</para>
/// <para>Returns null rather than guess: when the best score is below the threshold, or when two units
/// score the same ("UBND xã" without a name).</para>
/// </summary>
public sealed class UnitMatcher
{
    public const double DefaultThreshold = 0.6;

    // Two units closer than this are a tie: the phrase does not say which one.
    private const double TieMargin = 0.02;

    private static readonly HashSet<string> PlaceWords = ["xa", "phuong", "huyen", "tinh", "ap", "tran"];

    // Words that say nothing about which unit: connectives and positions ("đồng chí Chủ tịch LĐLĐ").
    private static readonly HashSet<string> Noise = ["cac", "va", "cho", "voi", "cua", "dong chi", "d/c", "chu tich", "pho chu tich", "giam doc", "lanh dao", "viet nam"];

    private readonly List<Entry> units;
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly double threshold;

    /// <summary>A unit's name (or short name) reduced to what is compared: the words outside its place names,
    /// with their summed weight. Computed once, so matching a phrase costs one pass over the units.</summary>
    private sealed record Core(HashSet<string> Words, double Weight, bool NameIsEmpty);

    private sealed record Entry(UnitCandidate Unit, Terms Both, Core Name, Core ShortName);

    public UnitMatcher(IEnumerable<UnitCandidate> units, double threshold = DefaultThreshold)
    {
        this.threshold = threshold;
        var terms = units.Select(u => (Unit: u, Name: Terms.Of(u.Name), ShortName: Terms.Of(u.ShortName))).ToList();
        foreach (var (_, name, shortName) in terms)
        {
            foreach (var word in name.Words.Union(shortName.Words))
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }

        count = terms.Count;
        this.units = [.. terms.Select(t =>
        {
            var both = Terms.Union(t.Name, t.ShortName);
            return new Entry(t.Unit, both, CoreOf(t.Name, both), CoreOf(t.ShortName, both));
        })];
    }

    private readonly int count;

    // The words of a name outside the place names of the whole unit, as Score compares them.
    private Core CoreOf(Terms terms, Terms whole)
    {
        var words = terms.Words.Except(PlaceWordsOf(whole)).ToHashSet(StringComparer.Ordinal);
        return new Core(words, words.Sum(Weight), terms.Words.Count == 0);
    }

    public UnitMatcher(IEnumerable<(Guid Id, string Name, string ShortName)> units, double threshold = DefaultThreshold)
        : this(units.Select(u => new UnitCandidate(u.Id, u.Name, u.ShortName)), threshold)
    {
    }

    /// <summary>The unit <paramref name="phrase"/> names, or null when none is close enough or two are equally close.</summary>
    public UnitMatch? Match(string? phrase) => Match(phrase, null);

    /// <summary>As <see cref="Match(string?)"/>; a phrase that names no level ("đồng chí Chủ tịch LĐLĐ") is read at
    /// the issuer's level <paramref name="issuerLevel"/> ("huyen", "tinh", "xa", "phuong"; see <see cref="LevelOf"/>).</summary>
    public UnitMatch? Match(string? phrase, string? issuerLevel)
    {
        var ranked = Rank(phrase, 2, issuerLevel);
        if (ranked.Count == 0 || ranked[0].Score < threshold)
        {
            return null;
        }

        return ranked.Count > 1 && ranked[0].Score - ranked[1].Score < TieMargin ? null : ranked[0];
    }

    /// <summary>The closest units, best first, whatever their score: for a picker that lets a person choose.</summary>
    public IReadOnlyList<UnitMatch> Rank(string? phrase, int take = 5) => Rank(phrase, take, null);

    private IReadOnlyList<UnitMatch> Rank(string? phrase, int take, string? issuerLevel)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return [];
        }

        var terms = Terms.Of(phrase);
        if (terms.Words.Count == 0)
        {
            return [];
        }

        if (terms.Levels.Count == 0 && issuerLevel is not null && PlaceWords.Contains(issuerLevel))
        {
            terms = terms with { Levels = [issuerLevel] };
        }

        var core = CoreOf(terms, terms);
        var weights = core.Words.Select(w => (Word: w, Weight: Weight(w))).ToList();
        // The best few in one pass (stable: the first of equal scores stays first), not a sort of every unit.
        var best = new List<UnitMatch>(take + 1);
        foreach (var u in units)
        {
            var score = Math.Max(Score(terms, core, weights, u.Name, u.Both), Score(terms, core, weights, u.ShortName, u.Both));
            if (score <= 0 || (best.Count == take && score <= best[^1].Score))
            {
                continue;
            }

            var at = best.FindIndex(m => m.Score < score);
            best.Insert(at < 0 ? best.Count : at, new UnitMatch(u.Unit, score));
            if (best.Count > take)
            {
                best.RemoveAt(take);
            }
        }

        return best;
    }

    private static double Score(Terms phrase, Core a, List<(string Word, double Weight)> weights, Core b, Terms wholeUnit)
    {
        // A named place must be the unit's ("xã An Lạc"), and a level must not contradict it: "UBND xã"
        // is no district body even if it shares every other word with "UBND huyện".
        if (phrase.Words.Count == 0 || b.NameIsEmpty || !phrase.Places.All(wholeUnit.Places.Contains) ||
            (phrase.Levels.Count > 0 && wholeUnit.Levels.Count > 0 && !phrase.Levels.Overlaps(wholeUnit.Levels)))
        {
            return 0;
        }

        // A kind of body never stands for another: a province's "Sở" is no district's "Phòng", a council (HĐND)
        // is no committee (UBND), whatever words they share.
        if (phrase.Kinds.Count > 0 && wholeUnit.Kinds.Count > 0 && !phrase.Kinds.Overlaps(wholeUnit.Kinds))
        {
            return 0;
        }

        // The places agree, so compare what kind of unit it is: the words outside the place names. Leaving
        // the unit's own place names out too makes "UBND xã" tie between all communes instead of picking
        // the one whose name happens to be the most common word.
        if (a.Words.Count == 0 || b.Words.Count == 0)
        {
            return a.Words.Count == b.Words.Count ? 1 : 0;
        }

        var shared = 0.0;
        foreach (var (word, weight) in weights)
        {
            if (b.Words.Contains(word))
            {
                shared += weight;
            }
        }

        return 2 * shared / (a.Weight + b.Weight);
    }

    /// <summary>The level of an issuing body from its name or a document's header ("HUYỆN ỦY TÂN PHONG" → "huyen",
    /// "ĐẢNG ỦY XÃ SƠN THỦY" → "xa"): the last place word it names, or null.</summary>
    public static string? LevelOf(string? text)
    {
        string? level = null;
        foreach (var word in Briefings.Core.Common.TextFolding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            level = PlaceWords.Contains(word) && word is not "ap" ? word : level;
        }

        return level;
    }

    private static IEnumerable<string> PlaceWordsOf(Terms terms) => terms.Places.SelectMany(p => p.Split(' '));

    // Inverse document frequency; a word no unit has counts as rarer than any that one unit has.
    private double Weight(string word) =>
        Math.Log(1 + count / Math.Max(documentFrequency.GetValueOrDefault(word), 0.5));

    /// <summary>The folded, expanded words of a name, the places it names ("an lac" for "xã An Lạc") and
    /// its administrative levels ("xa" for "UBND xã", "huyen" for "Hội Nông dân huyện"; not for "Huyện ủy").</summary>
    private sealed record Terms(HashSet<string> Words, HashSet<string> Places, HashSet<string> Levels, HashSet<string> Kinds)
    {
        public static Terms Union(Terms a, Terms b) =>
            new([.. a.Words.Union(b.Words)], [.. a.Places.Union(b.Places)], [.. a.Levels.Union(b.Levels)], [.. a.Kinds.Union(b.Kinds)]);

        // The kinds of body a name can start with, after positions ("đồng chí Chủ tịch") are dropped.
        private static readonly string[] KindStarts = ["so ", "phong ", "uy ban nhan dan ", "hoi dong nhan dan ", "ban "];

        public static HashSet<string> KindOf(string expandedWords)
        {
            var kind = KindStarts.FirstOrDefault(k => expandedWords.StartsWith(k, StringComparison.Ordinal));
            return kind is null ? [] : [kind.Trim()];
        }

        public static Terms Of(string text)
        {
            var tokens = Token.Split(text.Normalize(NormalizationForm.FormC)).Where(t => t.IsWord).ToList();
            var places = new HashSet<string>(StringComparer.Ordinal);
            var levels = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!PlaceWords.Contains(tokens[i].Folded))
                {
                    continue;
                }

                // A place word followed by a capitalized name: "xã An Lạc", "huyện Tân Phong" (not "Huyện ủy").
                var next = i + 1 < tokens.Count ? tokens[i + 1] : (Token?)null;
                if (next is { IsCapitalized: true } && !next.Value.Is("hoi"))
                {
                    places.Add(string.Join(' ', tokens.Skip(i + 1).TakeWhile(t => t.IsCapitalized).Select(t => t.Folded)));
                    levels.Add(tokens[i].Folded);
                }
                else if (tokens[i].IsLowerCase && !(next?.Is("uy") ?? false) && !(tokens[i].Is("xa") && (next?.Is("hoi") ?? false)))
                {
                    levels.Add(tokens[i].Folded);
                }
            }

            // Padded with spaces so that only whole words are removed; longest first ("phó chủ tịch").
            var words = $" {string.Join(' ', tokens.SelectMany(t => UnitAbbreviations.ExpandedWords(t.Text)))} ";
            foreach (var noise in Noise.Where(n => n.Contains(' ', StringComparison.Ordinal)).OrderByDescending(n => n.Length))
            {
                words = words.Replace($" {noise} ", " ", StringComparison.Ordinal);
            }

            var list = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Noise.Contains(w)).ToList();
            return new Terms(list.ToHashSet(StringComparer.Ordinal), places, levels, KindOf(string.Join(' ', list) + " "));
        }
    }
}
