namespace Pith.Core.Verification;

/// <summary>How pith words a field's signing for people (show, the record page), in one place.</summary>
public static class FieldSigningText
{
    public static string Describe(this FieldSigning signing) => signing switch
    {
        FieldSigning.Signed => "signed",
        FieldSigning.CaseAndWhiteSpace => "checked up to case and white space",
        _ => "not signed",
    };
}
