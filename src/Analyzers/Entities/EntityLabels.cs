using Pipeline.Sdk;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// The BILOU tag set over the CoNLL-2003 types: O, then B-, I-, L-, U- for PER, ORG, LOC, MISC
/// (17 labels). Label 0 is O; label 1 + 4*type + position for the others.
/// </summary>
internal static class EntityLabels
{
    public const int Count = 17;
    public const int Outside = 0;
    public const int TypeCount = 4;

    public const int Begin = 0, Inside = 1, Last = 2, Unit = 3;

    private static readonly string[] Names = BuildNames();

    public static string Name(int label) => Names[label];

    public static int Of(int type, int position) => 1 + type * 4 + position;

    /// <summary>Entity type index (0..3) of a label other than O.</summary>
    public static int TypeOf(int label) => (label - 1) >> 2;

    /// <summary>B, I, L or U of a label other than O.</summary>
    public static int PositionOf(int label) => (label - 1) & 3;

    public static string TypeName(int type) => EntityTypes.All[type];

    /// <summary>Type index of a CoNLL type name, or -1.</summary>
    public static int TypeIndex(string type) => type switch
    {
        EntityTypes.Person => 0,
        EntityTypes.Organization => 1,
        EntityTypes.Location => 2,
        EntityTypes.Miscellaneous => 3,
        _ => -1,
    };

    /// <summary>True when a mention is open after <paramref name="label"/> (it was B or I).</summary>
    public static bool OpensMention(int label) => label != Outside && PositionOf(label) is Begin or Inside;

    /// <summary>
    /// Whether <paramref name="next"/> may follow <paramref name="previous"/>: an open mention
    /// continues with I or L of its type; otherwise only O, B or U may come.
    /// </summary>
    public static bool IsValidTransition(int previous, int next)
    {
        if (OpensMention(previous))
            return next != Outside && TypeOf(next) == TypeOf(previous) && PositionOf(next) is Inside or Last;
        return next == Outside || PositionOf(next) is Begin or Unit;
    }

    /// <summary>Whether a sentence may end on <paramref name="label"/> (no mention left open).</summary>
    public static bool CanEnd(int label) => !OpensMention(label);

    private static string[] BuildNames()
    {
        var names = new string[Count];
        names[0] = "O";
        string[] positions = ["B", "I", "L", "U"];
        for (int t = 0; t < TypeCount; t++)
            for (int p = 0; p < 4; p++)
                names[Of(t, p)] = positions[p] + "-" + EntityTypes.All[t];
        return names;
    }
}
