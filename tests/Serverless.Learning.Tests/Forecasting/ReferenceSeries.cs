namespace Serverless.Learning.Tests.Forecasting;

/// <summary>Fixed series whose reference fits were computed once with R's forecast package and written into the tests.</summary>
internal static class ReferenceSeries
{
    /// <summary>UCI Sales Transactions Weekly, product P1, weeks W0..W51 (../shared/datasets/uci_sales_transactions_weekly).</summary>
    public static readonly double[] UciWeeklyP1 =
    [
        11, 12, 10, 8, 13, 12, 14, 21, 6, 14, 11, 14, 16, 9, 9, 9, 14, 9, 3, 12, 5, 11, 7, 12, 5, 9, 7, 10, 5, 11, 7, 10,
        12, 6, 5, 14, 10, 9, 12, 17, 7, 11, 4, 7, 8, 10, 12, 3, 7, 6, 5, 10,
    ];

    /// <summary>Box and Jenkins' monthly airline passengers 1949-1960 (R's datasets::AirPassengers), period 12.</summary>
    public static readonly double[] AirPassengers =
    [
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114,
        140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209, 191,
        172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259,
        229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405,
        355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318, 362, 348, 363, 435, 491,
        505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535,
        622, 606, 508, 461, 390, 432,
    ];
}
