namespace Alliances.Model;

/// <summary>
/// Priority domains: the themes regions and territories choose as priorities and the living-condition dimensions
/// projects improve. Typical themes from the report (report L4034-4040, L1876-1880) merged with the outcome
/// dimensions of evaluated projects (report L4452-4467). Brief §4 P2, §8 Effectiveness.
/// </summary>
public enum Domain : byte
{
    FoodSecurity = 0,        // basic needs: food, clothing (report L4452-4467, dimension 1)
    Housing = 1,             // (report L4034-4040)
    EducationalSuccess = 2,  // knowledge, skills, dropout prevention (dimension 2)
    AccessToServices = 3,    // resources made known, accessible, adapted (dimension 5)
    Transport = 4,           // a problem that often exceeds one territory (report L5529-5537)
    LivingTogether = 5,      // "mieux-vivre ensemble", fighting prejudice (dimension 3)
    CitizenParticipation = 6,// active participation (dimension 4)
    Employment = 7,          // employment and financial autonomy (dimension 6)
}

public static class Domains
{
    public const int Count = 8;

    public static readonly string[] Names =
    [
        "food_security", "housing", "educational_success", "access_to_services",
        "transport", "living_together", "citizen_participation", "employment",
    ];
}
