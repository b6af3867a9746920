using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Alliances.Reporting.Tests")]
