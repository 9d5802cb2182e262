namespace Pipeline.Analyzers.Entities;

/// <summary>A mention as the clusterer sees it: its type, its tokens' texts and its text.</summary>
internal sealed record ClusterInput(int Type, IReadOnlyList<string> Tokens, string Text);

/// <summary>
/// Groups a document's mentions into entities. Mentions of one type join when their names are
/// equal (case, diacritics and a leading "the" ignored; person names compared by
/// transliteration key); a one-word person mention joins the full name whose surname it matches
/// (the nearest one before it, else the nearest after); a one-word upper-case organisation joins
/// the multi-word organisation it abbreviates. A courtesy title ("Mr", "Ms", "Dr") is not part of
/// the name: "Ms Hewitt" is a surname that joins "Patricia Hewitt", and with no full name in the
/// document "Mr Blair" and "Blair" are one person, but "Mr Clinton" and "Mrs Clinton" are two.
/// A hyphenated name the segmenter split is one word ("Kilroy-Silk"); a hyphenated surname is
/// also found by its last part ("al-Momani", "Momani").
/// The canonical name of a cluster is its longest mention (most name tokens, then most
/// characters, then first), without a leading article.
/// </summary>
internal static class MentionClusterer
{
    private const int Person = 0, Organization = 1;
    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "the" };
    // The titles newspapers put before a surname, each its own letter: "Mrs Smith" and "Miss Smith" may be mother and daughter.
    private static readonly Dictionary<string, char> CourtesyTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mr"] = 'm', ["Mr."] = 'm', ["Mrs"] = 'r', ["Mrs."] = 'r', ["Ms"] = 's', ["Ms."] = 's', ["Miss"] = 'i',
        ["Dr"] = 'd', ["Dr."] = 'd', ["Prof"] = 'p', ["Prof."] = 'p',
    };
    private static readonly HashSet<string> AcronymSkips = new(StringComparer.OrdinalIgnoreCase) { "of", "for", "and", "the", "on", "in", "&", "de" };

    /// <summary>Cluster index (0, 1, ... in order of first mention) of each mention, and each cluster's canonical name.</summary>
    public static (int[] ClusterOf, string[] Canonical) Cluster(IReadOnlyList<ClusterInput> mentions)
    {
        int n = mentions.Count;
        var written = new string[n][];
        var names = new string[n][];
        var title = new char[n];
        for (int m = 0; m < n; m++)
        {
            written[m] = NameTokens(mentions[m]);
            (names[m], title[m], int from) = PersonName(mentions[m], written[m]);
            written[m] = written[m][from..]; // "Delighted Mrs Smith" is shown from its title
        }
        var key = new string[n];
        // A surname alone keeps its title in the key: "Mr Clinton" is not "Mrs Clinton".
        for (int m = 0; m < n; m++) key[m] = mentions[m].Type + "|" + (names[m].Length == 1 ? title[m] : '\0') + "|" + FullKey(mentions[m].Type, names[m]);

        var parent = new int[n];
        for (int m = 0; m < n; m++) parent[m] = m;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int m = 0; m < n; m++)
        {
            if (byKey.TryGetValue(key[m], out int other)) Union(parent, other, m);
            else byKey[key[m]] = m;
        }

        // Indexed once, so that a long document's one-word mentions cost a lookup each, not a scan.
        var fullNamesBySurname = FullNamesBySurname(mentions, names);
        var organizationsByInitials = OrganizationsByInitials(mentions, names);
        for (int m = 0; m < n; m++)
        {
            if (names[m].Length != 1) continue;
            int target = mentions[m].Type switch
            {
                Person => NearestFullName(fullNamesBySurname, names[m][0], m),
                Organization => Abbreviated(organizationsByInitials, names[m][0]),
                _ => -1,
            };
            if (target >= 0) Union(parent, target, m);
        }
        JoinTitledSurnames(mentions, names, title, fullNamesBySurname, parent);

        var clusterOf = new int[n];
        var roots = new Dictionary<int, int>();
        var canonical = new List<int>();
        for (int m = 0; m < n; m++)
        {
            int root = Find(parent, m);
            if (!roots.TryGetValue(root, out int c))
            {
                roots.Add(root, c = roots.Count);
                canonical.Add(m);
            }
            clusterOf[m] = c;
            int best = canonical[c];
            if (names[m].Length > names[best].Length
                || (names[m].Length == names[best].Length && mentions[m].Text.Length > mentions[best].Text.Length))
                canonical[c] = m;
        }
        return (clusterOf, canonical.Select(m => NameText(mentions[m], written[m])).ToArray());
    }

    /// <summary>
    /// A person's name without its courtesy title (and any word before the title), the title's
    /// letter, or '\0' without one, and where the title stands. Other mentions are returned as they are.
    /// </summary>
    private static (string[] Name, char Title, int TitleAt) PersonName(ClusterInput mention, string[] name)
    {
        if (mention.Type != Person) return (name, '\0', 0);
        // A word the tagger took in before the title is no part of the name ("Delighted Mrs Smith").
        for (int k = 0; k < name.Length - 1; k++)
            if (CourtesyTitles.TryGetValue(name[k], out char title)) return (name[(k + 1)..], title, k);
        return (name, '\0', 0);
    }

    /// <summary>
    /// Surnames that found no full name: a bare one ("Blair") joins the titled one ("Mr Blair")
    /// when every titled mention of that surname bears the same title, so two people are not merged.
    /// </summary>
    private static void JoinTitledSurnames(IReadOnlyList<ClusterInput> mentions, string[][] names, char[] title,
        Dictionary<string, List<int>> fullNamesBySurname, int[] parent)
    {
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Type != Person || names[m].Length != 1) continue;
            string surname = NameKey.Transliteration(names[m][0], surname: true);
            if (fullNamesBySurname.ContainsKey(surname)) continue;
            if (!bySurname.TryGetValue(surname, out var list)) bySurname.Add(surname, list = []);
            list.Add(m);
        }
        foreach (var list in bySurname.Values)
        {
            var titled = list.Where(m => title[m] != '\0').ToList();
            if (titled.Count == 0 || titled.Any(m => title[m] != title[titled[0]])) continue;
            foreach (int m in list) Union(parent, titled[0], m);
        }
    }

    /// <summary>The multi-word person mentions by their surname's key, each list in document order.</summary>
    private static Dictionary<string, List<int>> FullNamesBySurname(IReadOnlyList<ClusterInput> mentions, string[][] names)
    {
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Type != Person || names[m].Length < 2) continue;
            foreach (var part in SurnameKeys(names[m][^1]))
            {
                if (!bySurname.TryGetValue(part, out var list)) bySurname.Add(part, list = []);
                list.Add(m);
            }
        }
        return bySurname;
    }

    /// <summary>
    /// A surname's keys: the whole of it, and for a hyphenated one its last part too ("al-Momani",
    /// "Momani"), for one after a particle the word after the particles ("de Blasio", "Blasio").
    /// </summary>
    private static IEnumerable<string> SurnameKeys(string surname)
    {
        yield return NameKey.Transliteration(surname, surname: true);
        int hyphen = surname.LastIndexOf('-');
        if (hyphen > 0 && hyphen < surname.Length - 1) yield return NameKey.Transliteration(surname[(hyphen + 1)..], surname: true);
        int space = surname.LastIndexOf(' ');
        if (space > 0 && space < surname.Length - 1) yield return NameKey.Transliteration(surname[(space + 1)..], surname: true);
    }

    /// <summary>The full-name person mention whose surname the one-word mention <paramref name="m"/> matches: nearest before, else nearest after.</summary>
    private static int NearestFullName(Dictionary<string, List<int>> fullNamesBySurname, string word, int m)
    {
        List<int>? fullNames = null;
        foreach (var key in SurnameKeys(word))
            if (fullNamesBySurname.TryGetValue(key, out fullNames)) break;
        if (fullNames is null) return -1;
        int i = fullNames.BinarySearch(m);
        int firstAfter = i >= 0 ? i + 1 : ~i;
        return firstAfter > 0 ? fullNames[firstAfter - 1] : fullNames[firstAfter];
    }

    /// <summary>The first multi-word organisation mention for each initialism its words spell.</summary>
    private static Dictionary<string, int> OrganizationsByInitials(IReadOnlyList<ClusterInput> mentions, string[][] names)
    {
        var byInitials = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int o = 0; o < mentions.Count; o++)
        {
            if (mentions[o].Type != Organization || names[o].Length < 2) continue;
            var initials = string.Concat(names[o].Where(t => !AcronymSkips.Contains(t) && t.Length > 0 && char.IsLetter(t[0])).Select(t => char.ToUpperInvariant(t[0])));
            byInitials.TryAdd(initials, o);
        }
        return byInitials;
    }

    /// <summary>The first multi-word organisation whose initials spell the one-word upper-case mention <paramref name="word"/>.</summary>
    private static int Abbreviated(Dictionary<string, int> organizationsByInitials, string word) =>
        word.Length >= 2 && word.All(char.IsUpper) && organizationsByInitials.TryGetValue(word, out int o) ? o : -1;

    /// <summary>
    /// The name's words without a leading article or trailing punctuation; a hyphenated name the
    /// segmenter split is one word again ("Kilroy", "-", "Silk" -> "Kilroy-Silk"), and so is a
    /// person's surname after a particle ("Bill de Blasio" -> "Bill", "de Blasio").
    /// </summary>
    internal static string[] NameTokens(ClusterInput mention)
    {
        int first = 0, end = mention.Tokens.Count;
        while (first < end - 1 && Articles.Contains(mention.Tokens[first])) first++;
        while (end > first + 1 && !mention.Tokens[end - 1].Any(char.IsLetterOrDigit)) end--;
        var words = new List<string>(end - first);
        bool particle = false; // the word before was a particle of a person's surname
        for (int i = first; i < end; i++)
        {
            if (mention.Tokens[i] == "-" && words.Count > 0 && i + 1 < end)
            {
                words[^1] += "-" + mention.Tokens[++i];
                continue;
            }
            if (particle) words[^1] += " " + mention.Tokens[i];
            else words.Add(mention.Tokens[i]);
            // A particle starts the surname, the words after it are in it: "Bill de Blasio" and "De Blasio" share "de Blasio".
            // Not "Al" or "El" first, a given name as often ("Al Sharpton").
            var lower = mention.Tokens[i].ToLowerInvariant();
            particle = mention.Type == Person && i + 1 < end && MentionBounds.IsNameParticle(lower)
                && !(words.Count == 1 && lower is "al" or "el");
        }
        return [.. words];
    }

    /// <summary>The mention's text from its first name token (a leading article dropped).</summary>
    private static string NameText(ClusterInput mention, string[] name)
    {
        int start = mention.Tokens.Count > name.Length ? mention.Text.IndexOf(name[0], StringComparison.Ordinal) : 0;
        int last = mention.Text.LastIndexOf(name[^1], StringComparison.Ordinal);
        if (last < 0) return mention.Text; // a joined word written with spaces around its hyphen
        int end = last + name[^1].Length;
        return start <= 0 && end == mention.Text.Length ? mention.Text : mention.Text[Math.Max(start, 0)..end];
    }

    private static string FullKey(int type, string[] name) => type == Person
        ? string.Join(' ', name.Select((t, i) => NameKey.Transliteration(t, surname: i == name.Length - 1)))
        : NameKey.Plain(string.Join(' ', name));

    private static int Find(int[] parent, int m)
    {
        while (parent[m] != m) m = parent[m] = parent[parent[m]];
        return m;
    }

    /// <summary>Joins two clusters under the root of the earlier mention.</summary>
    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra == rb) return;
        if (ra < rb) parent[rb] = ra; else parent[ra] = rb;
    }
}
