using Briefings.Core.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace Briefings.Web.Components.Shared;

/// <summary>Puts use-case errors next to their fields; returns those that belong to no field.</summary>
public static class FormErrors
{
    public static IReadOnlyList<Error> Show(EditContext context, ValidationMessageStore store, IReadOnlyList<Error> errors, object model)
    {
        store.Clear();
        var general = new List<Error>();
        foreach (var error in errors)
        {
            if (error.Field is null)
            {
                general.Add(error);
                continue;
            }

            var (target, name) = Resolve(model, error.Field);
            store.Add(new FieldIdentifier(target, name), error.Message);
        }

        context.NotifyValidationStateChanged();
        return general;
    }

    /// <summary>"Positions[2].Title" → (the third item of model.Positions, "Title").</summary>
    private static (object Target, string Name) Resolve(object model, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        if (dot < 0 || bracket < 0 || bracket > dot)
        {
            return (model, path);
        }

        var listName = path[..bracket];
        var index = int.Parse(path[(bracket + 1)..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        var list = model.GetType().GetProperty(listName)?.GetValue(model) as System.Collections.IList;
        return list is not null && index < list.Count && list[index] is { } item ? (item, path[(dot + 1)..]) : (model, path);
    }
}
