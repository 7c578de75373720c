using System.Text;
using System.Xml;

namespace StaticDossier.Rendering.Data;

/// <summary>Text that XML 1.0 can hold: control characters and lone surrogates from a seed are dropped,
/// since XmlWriter refuses them and one stray byte must not fail the whole build.</summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        if (!text.Any(c => !XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }
}
