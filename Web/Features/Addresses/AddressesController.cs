namespace RedMvc.Web.Features.Addresses;

/// <summary>The member's address book. Every id is looked up with the owner: another member's address answers 404.</summary>
[Authorize, Route("settings/addresses")]
public class AddressesController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.Id()!;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await SavedAddresses.OfAsync(db, UserId));

    [HttpGet("new")]
    public IActionResult New(string? returnUrl) => View("Edit", new AddressEditPage(null, new AddressForm { ReturnUrl = returnUrl }));

    [HttpPost("new")]
    public async Task<IActionResult> New(AddressForm form)
    {
        if (!Validate(form)) return View("Edit", new AddressEditPage(null, form));
        if (await AddressBook.AddAsync(db, UserId, form.ToValue(), form.IsDefault) is null)
        {
            ModelState.AddModelError("", t["Address.Error.Full", AddressBook.MaxAddresses]);
            return View("Edit", new AddressEditPage(null, form));
        }
        this.Flash(t["Address.Saved"]);
        return Back(form);
    }

    [HttpGet("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id)
    {
        var address = (await SavedAddresses.OfAsync(db, UserId)).SingleOrDefault(a => a.Id == id);
        return address is null ? NotFound() : View(new AddressEditPage(id, AddressForm.From(address)));
    }

    [HttpPost("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, AddressForm form)
    {
        if (!await db.Addresses.AnyAsync(a => a.Id == id && a.UserId == UserId)) return NotFound();
        if (!Validate(form)) return View(new AddressEditPage(id, form));
        await AddressBook.UpdateAsync(db, UserId, id, form.ToValue());
        if (form.IsDefault) await AddressBook.SetDefaultAsync(db, UserId, id);
        this.Flash(t["Address.Saved"]);
        return Back(form);
    }

    [HttpPost("{id:long}/default")]
    public async Task<IActionResult> MakeDefault(long id)
    {
        if (!await AddressBook.SetDefaultAsync(db, UserId, id)) return NotFound();
        this.Flash(t["Address.DefaultSet"]);
        return Redirect("/settings/addresses");
    }

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id)
    {
        if (!await AddressBook.DeleteAsync(db, UserId, id)) return NotFound();
        this.Flash(t["Address.Deleted"]);
        return Redirect("/settings/addresses");
    }

    private bool Validate(AddressForm form)
    {
        foreach (var (field, error) in AddressRules.Problems(form.ToValue()))
            ModelState.AddModelError(field, t[error]);
        return ModelState.IsValid;
    }

    private IActionResult Back(AddressForm form) => Redirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/settings/addresses");
}
