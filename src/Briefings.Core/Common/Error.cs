namespace Briefings.Core.Common;

/// <summary>An expected failure with a message for the user (Vietnamese) and, when it concerns one
/// input, the field it belongs to. Exceptions are for bugs; these are for people.</summary>
public sealed record Error(string Message, string? Field = null)
{
    public static Error NotFound { get; } = new("Không tìm thấy dữ liệu yêu cầu.");
    public static Error Forbidden { get; } = new("Bạn không có quyền thực hiện thao tác này.");
    public static Error Conflict { get; } =
        new("Dữ liệu đã được người khác thay đổi sau khi bạn mở trang. Vui lòng tải lại trang để xem bản mới nhất rồi nhập lại.");
}

/// <summary>The outcome of a use case: a value or the errors that stopped it.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, IReadOnlyList<Error> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<Error> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);
    public static Result<T> Fail(params Error[] errors) => new(default, errors);
    public static Result<T> Fail(IReadOnlyList<Error> errors) => new(default, errors);

    public static implicit operator Result<T>(Error error) => Fail(error);
}
