namespace Backend.Core.Invoices.Contracts;

/// <summary><c>{success, invoice}</c>: the answer of <c>GET</c> and <c>PATCH /api/invoices/{id}</c>.</summary>
public sealed record InvoiceResponse(bool Success, InvoiceDetail Invoice);
