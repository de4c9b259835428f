namespace RedMvc.Workers.Email;

/// <summary>Marker for the email texts in Resources/Email/EmailStrings(.zh-CN).resx.</summary>
public class EmailStrings;
