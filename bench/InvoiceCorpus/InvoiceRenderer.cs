using System.Globalization;
using static Backend.Bench.InvoiceCorpus.InvoiceGenerator;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>Draws one invoice in one of nine layouts; each layout places the same facts differently and names them with its own labels.</summary>
internal sealed class InvoiceRenderer(InvoiceDocument d, PdfWriter pdf, Random rng)
{
    private const double Left = 40;
    private const double Right = 555;
    private const double Bottom = 770;
    private double _y;
    private bool _idsShown;

    private string Title => d.IsCreditNote ? Pick(rng, ["AVOIR", "FACTURE D'AVOIR", "Avoir"]) : Pick(rng, ["FACTURE", "Facture", "FACTURE"]);
    private string NumberLabel => d.IsCreditNote ? Pick(rng, ["Avoir n°", "N° d'avoir", "Avoir N°"]) : Pick(rng, ["Facture n°", "N° de facture", "Numéro de facture", "Facture N°", "Réf. facture", "N° facture"]);
    private string DateLabel => Pick(rng, ["Date :", "Date de facture :", "Date d'émission :", "Émise le", "Date facture :", "Date de facturation :"]);
    private string DueLabel => Pick(rng, ["Échéance :", "Date d'échéance :", "À payer avant le", "Date limite de paiement :", "Payable le", "Échéance"]);
    private string HtLabel => Pick(rng, ["Total HT", "Montant HT", "Total H.T.", "Sous-total HT", "Total hors taxes", "Total HT :"]);
    private string TtcLabel => Pick(rng, ["Total TTC", "Net à payer", "Montant TTC", "Total T.T.C.", "Total à payer", "Net à payer TTC"]);
    private string TvaLabel(decimal rate) => d.VatExempt ? "TVA" : Pick(rng, [$"TVA {d.Rate(rate)}", $"T.V.A. {d.Rate(rate)}", $"TVA ({d.Rate(rate)})", $"Taxe {d.Rate(rate)}", $"TVA à {d.Rate(rate)}"]);
    private string TotalTvaLabel => Pick(rng, ["Total TVA", "Montant TVA", "TVA", "Total T.V.A."]);

    public void Render()
    {
        if (d.AmountStyle == 2)
        {
            pdf.TextRight(Right, 28, d.Currency == "EUR" && rng.Next(2) == 0 ? "Montants exprimés en euros" : $"Devise : {d.Currency}", 8);
        }
        switch (d.Layout)
        {
            case 0: Classic(); break;
            case 1: SupplierRight(); break;
            case 2: BoxedHeader(); break;
            case 3: RateTable(); break;
            case 4: Sentences(); break;
            case 5: English(); break;
            case 6: Ticket(); break;
            case 7: FooterIdentity(); break;
            default: DepositAndRates(); break;
        }
    }

    private void Classic()
    {
        pdf.Text(Left, 50, d.SupplierName, 14, bold: true);
        SupplierLines(Left, 66, right: false, withIds: rng.Next(2) == 0);
        ClientBlock(330, 120, Pick(rng, ["Client :", "Facturé à :", "Destinataire"]));
        pdf.TextCentered(297, 210, Title, 16, bold: true);
        _y = 235;
        pdf.Text(Left, _y, $"{NumberLabel} {d.InvoiceNumber}");
        pdf.Text(Left, _y += 14, $"{DateLabel} {d.Date(d.InvoiceDate)}");
        DueLine(Left, ref _y);
        CreditReference(Left, ref _y);
        _y += 25;
        ItemTable(showRate: d.Breakdown.Count > 1);
        TotalsRight(360);
        LegalFooter();
    }

    private void SupplierRight()
    {
        pdf.TextRight(Right, 50, d.SupplierName, 13, bold: true);
        SupplierLines(Right, 65, right: true, withIds: true);
        pdf.Text(Left, 50, $"{Title} {(d.IsCreditNote ? "N°" : "N°")} {d.InvoiceNumber}", 15, bold: true);
        _y = 150;
        pdf.Text(Left, _y, Pick(rng, ["Destinataire", "Adresse de facturation", "Client"]), 9, bold: true);
        pdf.Text(Left, _y += 13, d.ClientName);
        pdf.Text(Left, _y += 13, d.ClientStreet);
        pdf.Text(Left, _y += 13, d.ClientCity);
        var y = 150.0;
        pdf.Text(340, y, $"{DateLabel} {d.Date(d.InvoiceDate)}");
        DueLine(340, ref y);
        CreditReference(340, ref y);
        _y = 240;
        ItemTable(showRate: true);
        TotalsLeft();
        LegalFooter();
    }

    private void BoxedHeader()
    {
        pdf.Text(Left, 45, d.SupplierName, 13, bold: true);
        SupplierLines(Left, 60, right: false, withIds: false);
        pdf.TextRight(Right, 45, Title, 18, bold: true);
        var headers = new List<string> { d.IsCreditNote ? "N° avoir" : "N° facture", "Date", "Client" };
        var values = new List<string> { d.InvoiceNumber, d.Date(d.InvoiceDate), d.ClientName.Split(' ')[0] + " " + d.ClientName.Split(' ')[1] };
        if (d.DueDate is { } due)
        {
            headers.Insert(2, "Échéance");
            values.Insert(2, d.Date(due));
        }
        var width = (Right - Left) / headers.Count;
        pdf.Rect(Left, 130, Right - Left, 16);
        for (var i = 0; i < headers.Count; i++)
        {
            pdf.Text(Left + 5 + i * width, 141, headers[i], 9, bold: true);
            pdf.Text(Left + 5 + i * width, 160, values[i], 10);
        }
        _y = 195;
        pdf.Text(Left, _y, "Adresse de facturation :", 9, bold: true);
        pdf.Text(Left + 130, _y, $"{d.ClientName}, {d.ClientStreet}, {d.ClientCity}", 9);
        CreditReference(Left, ref _y);
        _y += 30;
        ItemTable(showRate: d.Breakdown.Count > 1);
        // Totals as a table: labels above values.
        EnsureRoom(90);
        var cols = new List<(string Label, string Value)> { (Pick(rng, ["Base HT", "Total HT", "Montant HT"]), d.Money(d.AmountHt)) };
        if (d.Breakdown.Count == 1)
        {
            cols.Add((TvaLabel(d.Breakdown[0].Rate), d.Money(d.AmountTva)));
        }
        else
        {
            cols.Add(("Total TVA", d.Money(d.AmountTva)));
        }
        cols.Add((Pick(rng, ["Total TTC", "Net à payer"]), d.Money(d.AmountTtc)));
        var x = 250.0;
        var w = (Right - x) / cols.Count;
        pdf.Rect(x, _y, Right - x, 16);
        for (var i = 0; i < cols.Count; i++)
        {
            pdf.TextRight(x + (i + 1) * w - 5, _y + 11, cols[i].Label, 9, bold: true);
            pdf.TextRight(x + (i + 1) * w - 5, _y + 30, cols[i].Value, 10, bold: i == cols.Count - 1);
        }
        _y += 50;
        if (d.Breakdown.Count > 1)
        {
            foreach (var b in d.Breakdown)
            {
                pdf.Text(x, _y, $"dont TVA {d.Rate(b.Rate)} sur {d.Money(b.BaseAmount, false)} : {d.Money(b.TaxAmount, false)}", 8);
                _y += 11;
            }
        }
        LegalFooter();
    }

    private void RateTable()
    {
        pdf.Text(Left, 50, d.SupplierName, 12, bold: true);
        SupplierLines(Left, 64, right: false, withIds: true);
        ClientBlock(340, 60, "Client");
        pdf.Text(Left, 170, $"{Title} {d.InvoiceNumber}", 14, bold: true);
        _y = 170;
        pdf.Text(340, _y, $"Date : {d.Date(d.InvoiceDate)}");
        if (d.DueDate is { } due)
        {
            pdf.Text(340, _y += 14, $"{DueLabel} {d.Date(due)}");
        }
        CreditReference(Left, ref _y);
        _y += 30;
        ItemTable(showRate: true);
        EnsureRoom(60 + 14 * d.Breakdown.Count + 60);
        pdf.Rect(Left, _y, 300, 15);
        pdf.Text(Left + 5, _y + 11, "Taux", 9, bold: true);
        pdf.TextRight(Left + 180, _y + 11, "Base HT", 9, bold: true);
        pdf.TextRight(Left + 295, _y + 11, "Montant TVA", 9, bold: true);
        _y += 28;
        foreach (var b in d.Breakdown)
        {
            pdf.Text(Left + 5, _y, d.VatExempt ? "0 %" : d.Rate(b.Rate));
            pdf.TextRight(Left + 180, _y, d.Money(b.BaseAmount, false));
            pdf.TextRight(Left + 295, _y, d.Money(b.TaxAmount, false));
            _y += 14;
        }
        _y += 10;
        TotalsRight(370, breakdownShown: true);
        LegalFooter();
    }

    private void Sentences()
    {
        pdf.TextCentered(297, 45, d.SupplierName.ToUpperInvariant(), 15, bold: true);
        pdf.TextCentered(297, 62, $"{d.SupplierStreet} - {d.SupplierCity}", 9);
        _idsShown = true;
        pdf.TextCentered(297, 74, $"SIRET {Spaced(d.Siret)}" + (d.SupplierVat is null ? "" : $" - TVA {d.SupplierVat}"), 9);
        _y = 120;
        pdf.Text(330, _y, $"{d.SupplierCity.Split(' ', 2)[1]}, le {d.Date(d.InvoiceDate)}");
        pdf.Text(330, _y += 25, "À l'attention de :");
        pdf.Text(330, _y += 13, d.ClientName);
        pdf.Text(330, _y += 13, d.ClientCity);
        _y += 40;
        var kind = d.IsCreditNote ? "Avoir" : "Facture";
        pdf.Text(Left, _y, $"{kind} n° {d.InvoiceNumber} du {d.Date(d.InvoiceDate)}", 12, bold: true);
        CreditReference(Left, ref _y);
        _y += 30;
        ItemTable(showRate: d.Breakdown.Count > 1);
        EnsureRoom(120);
        pdf.Text(Left, _y, $"Total hors taxes : {d.Money(d.AmountHt)}");
        foreach (var b in d.Breakdown)
        {
            pdf.Text(Left, _y += 14, d.VatExempt ? "TVA non applicable, art. 293 B du CGI" : $"TVA au taux de {d.Rate(b.Rate)} : {d.Money(b.TaxAmount)}");
        }
        pdf.Text(Left, _y += 14, $"Montant TTC : {d.Money(d.AmountTtc)}", 10, bold: true);
        _y += 25;
        if (d.DueDate is { } due)
        {
            pdf.Text(Left, _y, $"À régler avant le {d.Date(due)} par virement.", 9);
        }
        else
        {
            pdf.Text(Left, _y, "Paiement à réception de facture.", 9);
        }
        _y += 20;
        LegalFooter();
    }

    private void English()
    {
        pdf.Text(Left, 50, d.SupplierName, 14, bold: true);
        SupplierLines(Left, 66, right: false, withIds: true);
        pdf.TextRight(Right, 50, d.IsCreditNote ? "CREDIT NOTE" : "INVOICE", 18, bold: true);
        var y = 80.0;
        pdf.TextRight(Right, y, $"{(d.IsCreditNote ? "Credit note No" : "Invoice No")}: {d.InvoiceNumber}");
        pdf.TextRight(Right, y += 14, $"Invoice date: {d.Date(d.InvoiceDate)}");
        if (d.DueDate is { } due)
        {
            pdf.TextRight(Right, y += 14, $"Due date: {d.Date(due)}");
        }
        _y = 170;
        pdf.Text(Left, _y, "Bill to:", 9, bold: true);
        pdf.Text(Left, _y += 13, d.ClientName);
        pdf.Text(Left, _y += 13, d.ClientCity);
        _y += 35;
        ItemTable(showRate: d.Breakdown.Count > 1, english: true);
        EnsureRoom(110);
        var right = Right;
        pdf.Text(360, _y, "Subtotal");
        pdf.TextRight(right, _y, d.Money(d.AmountHt));
        foreach (var b in d.Breakdown)
        {
            pdf.Text(360, _y += 15, $"VAT {d.Rate(b.Rate)}");
            pdf.TextRight(right, _y, d.Money(b.TaxAmount));
        }
        pdf.Text(360, _y += 17, "Total due", 11, bold: true);
        pdf.TextRight(right, _y, d.Money(d.AmountTtc), 11, bold: true);
        _y += 30;
        LegalFooter();
    }

    private void Ticket()
    {
        const double center = 297;
        pdf.TextCentered(center, 45, d.SupplierName, 12, bold: true);
        pdf.TextCentered(center, 60, d.SupplierStreet, 9);
        pdf.TextCentered(center, 71, d.SupplierCity, 9);
        _idsShown = true;
        pdf.TextCentered(center, 82, $"Siret : {d.Siret}", 8);
        if (d.SupplierVat is not null)
        {
            pdf.TextCentered(center, 93, $"N° TVA : {d.SupplierVat}", 8);
        }
        pdf.TextCentered(center, 120, $"{Title} {d.InvoiceNumber}", 11, bold: true);
        pdf.TextCentered(center, 134, $"Le {d.Date(d.InvoiceDate)}", 9);
        _y = 150;
        if (d.DueDate is { } due)
        {
            pdf.TextCentered(center, _y, $"Échéance : {d.Date(due)}", 9);
            _y += 12;
        }
        CreditReference(200, ref _y);
        _y += 20;
        const double l = 180, r = 415;
        foreach (var item in d.Lines)
        {
            NewPageIfNeeded(() => { });
            pdf.Text(l, _y, $"{Qty(item.Quantity)} x {item.Description}", 9);
            pdf.TextRight(r, _y, d.Money(item.Total, false), 9);
            _y += 12;
        }
        EnsureRoom(90);
        pdf.Line(l, _y - 6, r, _y - 6);
        _y += 6;
        pdf.Text(l, _y, "TOTAL HT", 9, bold: true);
        pdf.TextRight(r, _y, d.Money(d.AmountHt), 9);
        foreach (var b in d.Breakdown)
        {
            pdf.Text(l, _y += 12, d.VatExempt ? "TVA non applicable (art. 293 B)" : $"TVA {d.Rate(b.Rate)}", 9);
            pdf.TextRight(r, _y, d.Money(b.TaxAmount), 9);
        }
        pdf.Text(l, _y += 14, "TOTAL TTC", 10, bold: true);
        pdf.TextRight(r, _y, d.Money(d.AmountTtc), 10, bold: true);
        _y += 20;
        pdf.TextCentered(center, _y += 10, "Merci de votre visite", 9);
    }

    private void FooterIdentity()
    {
        // The letterhead shows a brand; the legal name is only in the footer.
        pdf.Text(Left, 50, d.SupplierName, 16, bold: true);
        pdf.Text(Left, 68, $"{d.SupplierStreet}, {d.SupplierCity}", 9);
        pdf.Text(Left, 80, $"contact@{d.SupplierName.Split(' ')[0].ToLowerInvariant()}.fr - 04 {rng.Next(10, 99)} {rng.Next(10, 99)} {rng.Next(10, 99)} {rng.Next(10, 99)}", 9);
        pdf.Rect(330, 100, 225, 70, 0.95);
        pdf.Text(340, 115, d.ClientName, 10, bold: true);
        pdf.Text(340, 128, d.ClientStreet, 9);
        pdf.Text(340, 140, d.ClientCity, 9);
        if (d.ClientVat is not null)
        {
            pdf.Text(340, 152, $"TVA client : {d.ClientVat}", 8);
        }
        _y = 200;
        pdf.Text(Left, _y, Title, 14, bold: true);
        pdf.Text(Left, _y += 18, $"{NumberLabel} : {d.InvoiceNumber}");
        pdf.Text(250, _y, $"{DateLabel} {d.Date(d.InvoiceDate)}");
        if (d.DueDate is { } due)
        {
            pdf.Text(Left, _y += 14, $"{DueLabel} {d.Date(due)}");
        }
        CreditReference(Left, ref _y);
        _y += 30;
        ItemTable(showRate: true);
        EnsureRoom(40 + 16 * (d.Breakdown.Count + 3));
        const double lx = 320, vx = Right;
        pdf.Text(lx, _y, HtLabel.TrimEnd(' ', ':'));
        pdf.TextRight(vx, _y, d.Money(d.AmountHt));
        foreach (var b in d.Breakdown)
        {
            pdf.Text(lx, _y += 16, d.VatExempt ? "TVA non applicable" : $"TVA {d.Rate(b.Rate)} sur {d.Money(b.BaseAmount, false)}");
            pdf.TextRight(vx, _y, d.Money(b.TaxAmount));
        }
        pdf.Rect(lx - 5, _y + 6, vx - lx + 10, 16, 0.85);
        pdf.Text(lx, _y += 18, TtcLabel, 10, bold: true);
        pdf.TextRight(vx, _y, d.Money(d.AmountTtc), 10, bold: true);
        _y += 30;
        LegalFooter(full: true);
    }

    private void DepositAndRates()
    {
        pdf.Text(Left, 50, d.SupplierName, 13, bold: true);
        SupplierLines(Left, 65, right: false, withIds: true);
        ClientBlock(330, 60, "Facturé à");
        pdf.Text(Left, 160, $"{Title}", 14, bold: true);
        _y = 178;
        pdf.Text(Left, _y, $"{NumberLabel} {d.InvoiceNumber}");
        pdf.Text(220, _y, $"{DateLabel} {d.Date(d.InvoiceDate)}");
        if (d.DueDate is { } due)
        {
            pdf.Text(400, _y, $"{DueLabel} {d.Date(due)}");
        }
        CreditReference(Left, ref _y);
        _y += 30;
        ItemTable(showRate: true);
        var deposit = !d.IsCreditNote && rng.Next(2) == 0 ? Math.Round(d.AmountTtc * 0.3m, 2) : 0m;
        EnsureRoom(100);
        const double lx = 350;
        pdf.Text(lx, _y, "Total HT");
        pdf.TextRight(Right, _y, d.Money(d.AmountHt));
        pdf.Text(lx, _y += 14, TotalTvaLabel);
        pdf.TextRight(Right, _y, d.Money(d.AmountTva));
        pdf.Text(lx, _y += 14, "Total TTC", 10, bold: true);
        pdf.TextRight(Right, _y, d.Money(d.AmountTtc), 10, bold: true);
        if (deposit > 0)
        {
            pdf.Text(lx, _y += 14, "Acompte versé");
            pdf.TextRight(Right, _y, d.Money(-deposit));
            pdf.Text(lx, _y += 14, "Reste à payer", 10, bold: true);
            pdf.TextRight(Right, _y, d.Money(d.AmountTtc - deposit), 10, bold: true);
        }
        _y += 30;
        if (d.VatExempt)
        {
            pdf.Text(Left, _y, "TVA non applicable - article 293 B du CGI", 8);
            _y += 12;
        }
        LegalFooter();
    }

    private void SupplierLines(double x, double y, bool right, bool withIds)
    {
        var lines = new List<string> { d.SupplierStreet, d.SupplierCity, $"Tél. 0{rng.Next(1, 6)} {rng.Next(10, 99)} {rng.Next(10, 99)} {rng.Next(10, 99)} {rng.Next(10, 99)}" };
        if (withIds)
        {
            _idsShown = true;
            lines.Add($"SIRET : {Spaced(d.Siret)}");
            if (d.SupplierVat is not null)
            {
                lines.Add($"TVA intracom. : {d.SupplierVat}");
            }
        }
        foreach (var line in lines)
        {
            if (right)
            {
                pdf.TextRight(x, y, line, 9);
            }
            else
            {
                pdf.Text(x, y, line, 9);
            }
            y += 12;
        }
    }

    private void ClientBlock(double x, double y, string label)
    {
        pdf.Text(x, y, label, 9, bold: true);
        pdf.Text(x, y += 14, d.ClientName);
        pdf.Text(x, y += 13, d.ClientStreet);
        pdf.Text(x, y += 13, d.ClientCity);
        if (d.ClientVat is not null)
        {
            pdf.Text(x, y + 13, $"N° TVA : {d.ClientVat}", 8);
        }
    }

    private void DueLine(double x, ref double y)
    {
        if (d.DueDate is { } due)
        {
            pdf.Text(x, y += 14, $"{DueLabel} {d.Date(due)}");
        }
    }

    private void CreditReference(double x, ref double y)
    {
        if (d.OriginalInvoice is not null)
        {
            pdf.Text(x, y += 14, $"Annule et remplace la facture {d.OriginalInvoice}", 9);
        }
    }

    private void ItemTable(bool showRate, bool english = false)
    {
        void Header()
        {
            pdf.Rect(Left, _y - 11, Right - Left, 15);
            pdf.Text(Left + 4, _y, english ? "Description" : Pick(rng, ["Désignation", "Description", "Libellé"]), 9, bold: true);
            pdf.TextRight(330, _y, english ? "Qty" : "Qté", 9, bold: true);
            pdf.TextRight(410, _y, english ? "Unit price" : "P.U. HT", 9, bold: true);
            if (showRate)
            {
                pdf.TextRight(460, _y, english ? "VAT" : "TVA", 9, bold: true);
            }
            pdf.TextRight(Right - 4, _y, english ? "Amount" : "Montant HT", 9, bold: true);
            _y += 18;
        }
        Header();
        foreach (var item in d.Lines)
        {
            NewPageIfNeeded(Header);
            pdf.Text(Left + 4, _y, item.Description, 9);
            pdf.TextRight(330, _y, Qty(item.Quantity), 9);
            pdf.TextRight(410, _y, d.Money(item.UnitPrice, false), 9);
            if (showRate)
            {
                pdf.TextRight(460, _y, d.Rate(item.Rate), 9);
            }
            pdf.TextRight(Right - 4, _y, d.Money(item.Total, false), 9);
            _y += 14;
        }
        pdf.Line(Left, _y - 8, Right, _y - 8);
        _y += 12;
    }

    private void NewPageIfNeeded(Action header)
    {
        if (_y <= Bottom - 30)
        {
            return;
        }
        pdf.TextRight(Right, Bottom + 40, $"Page {pdf.PageCount}", 8);
        pdf.NewPage();
        pdf.Text(Left, 40, $"{d.SupplierName} - {d.InvoiceNumber} (suite)", 9);
        _y = 70;
        header();
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom - 20)
        {
            NewPageIfNeeded(() => { });
            if (_y > 70)
            {
                pdf.NewPage();
                _y = 70;
            }
        }
    }

    private void TotalsRight(double labelX, bool breakdownShown = false)
    {
        EnsureRoom(30 + 15 * (d.Breakdown.Count + 3));
        pdf.Text(labelX, _y, HtLabel);
        pdf.TextRight(Right, _y, d.Money(d.AmountHt));
        if (breakdownShown || d.Breakdown.Count > 1)
        {
            pdf.Text(labelX, _y += 15, TotalTvaLabel);
            pdf.TextRight(Right, _y, d.Money(d.AmountTva));
        }
        else
        {
            pdf.Text(labelX, _y += 15, TvaLabel(d.Breakdown[0].Rate));
            pdf.TextRight(Right, _y, d.Money(d.AmountTva));
        }
        pdf.Text(labelX, _y += 17, TtcLabel, 11, bold: true);
        pdf.TextRight(Right, _y, d.Money(d.AmountTtc), 11, bold: true);
        _y += 30;
        if (d.VatExempt)
        {
            pdf.Text(Left, _y, "TVA non applicable, art. 293 B du CGI", 8);
            _y += 12;
        }
    }

    private void TotalsLeft()
    {
        EnsureRoom(30 + 15 * (d.Breakdown.Count + 3));
        const double vx = 260;
        pdf.Text(Left, _y, HtLabel);
        pdf.TextRight(vx, _y, d.Money(d.AmountHt));
        foreach (var b in d.Breakdown)
        {
            pdf.Text(Left, _y += 15, d.VatExempt ? "TVA non applicable" : TvaLabel(b.Rate));
            pdf.TextRight(vx, _y, d.Money(b.TaxAmount));
        }
        pdf.Text(Left, _y += 17, TtcLabel, 11, bold: true);
        pdf.TextRight(vx, _y, d.Money(d.AmountTtc), 11, bold: true);
        _y += 30;
    }

    private void LegalFooter(bool full = false)
    {
        var capital = rng.Next(1, 50) * 1000;
        var city = d.SupplierCity.Split(' ', 2)[1];
        var text = full || !_idsShown || rng.Next(2) == 0
            ? $"{d.SupplierName} au capital de {capital.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", " ")} € - RCS {city} {Spaced(d.Siren)} - SIRET {d.Siret}" + (d.SupplierVat is null ? "" : $" - TVA intracom. {d.SupplierVat}")
            : $"Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.";
        pdf.TextCentered(297, Bottom + 25, text, 7);
        if (pdf.PageCount > 1)
        {
            pdf.TextRight(Right, Bottom + 40, $"Page {pdf.PageCount}", 8);
        }
    }

    private static string Spaced(string digits) => digits.Length switch
    {
        9 => $"{digits[..3]} {digits[3..6]} {digits[6..]}",
        14 => $"{digits[..3]} {digits[3..6]} {digits[6..9]} {digits[9..]}",
        _ => digits,
    };

    private static string Qty(decimal q) => q.ToString(q == decimal.Truncate(q) ? "0" : "0.0", CultureInfo.InvariantCulture).Replace('.', ',');
}
