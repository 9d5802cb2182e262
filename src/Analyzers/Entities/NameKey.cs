using System.Globalization;
using System.Text;

namespace Pipeline.Analyzers.Entities;

/// <summary>
/// Comparison keys for names. <see cref="Plain"/> folds case and diacritics. <see cref="Transliteration"/>
/// also folds the spelling variants that romanisations of one name produce (Lukashenko /
/// Lukashenka, Yevgeniy / Evgeny / Yevgenij, Khodorkovsky / Hodorkovskiy, Aleksei / Alexey).
/// </summary>
internal static class NameKey
{
    public static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToLowerInvariant(TokenText.Normalize(c)));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The key of one name token. The final o/a alternation (Russian against Belarusian or
    /// Ukrainian forms) is folded for surnames only, so Mario and Maria stay apart.
    /// </summary>
    public static string Transliteration(string token, bool surname)
    {
        var s = Plain(token)
            .Replace("kh", "h").Replace("x", "ks").Replace("ck", "k").Replace("ph", "f").Replace("w", "v")
            .Replace("ij", "i").Replace("iy", "i").Replace("yi", "i").Replace("y", "i").Replace("ou", "u")
            .Replace("tch", "ch").Replace("tz", "ts");
        if (s.StartsWith("ie", StringComparison.Ordinal)) s = "e" + s[2..];
        if (s.EndsWith("ff", StringComparison.Ordinal)) s = s[..^2] + "v";
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
            if (sb.Length == 0 || sb[^1] != c || !char.IsLetter(c)) sb.Append(c);
        if (surname && sb.Length > 3 && sb[^1] is 'o' or 'a') sb[^1] = 'a';
        return sb.ToString();
    }
}
