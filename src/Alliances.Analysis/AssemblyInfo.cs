using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Alliances.Analysis.Tests")]
