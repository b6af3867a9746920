namespace Alliances.Workshop;

/// <summary>The workshop page: one HTML document with inline CSS and JS (Page/workshop.html, embedded in the assembly).
/// It loads nothing from outside the server: no script, font, image or stylesheet from another origin.</summary>
internal static class WorkshopPage
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(WorkshopPage).Assembly.GetManifestResourceStream("Alliances.Workshop.workshop.html")
            ?? throw new InvalidOperationException("embedded resource workshop.html is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
