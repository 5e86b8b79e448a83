using System.Collections.Immutable;
using System.Text;
using Serverless.Learning.Forecasting.Arima;
using Serverless.Learning.Forecasting.Automatic;
using Serverless.Learning.Forecasting.Distributions;
using Serverless.Learning.Forecasting.Ets;
using Serverless.Learning.Forecasting.Intermittent;
using Serverless.Learning.Forecasting.Naive;
using Serverless.Learning.Forecasting.Series;
using Serverless.Learning.Forecasting.Theta;
using Serverless.Learning.Serialization;

namespace Serverless.Learning.Forecasting.Serialization;

/// <summary>
/// Saves and loads fitted forecasting models and model sets in a versioned binary format, following the layout of the
/// recommender files (numbers little-endian, strings length-prefixed UTF-8 as <see cref="BinaryWriter"/> writes them):
/// <code>
/// signature   4 bytes  "SLFC" (0x53 0x4C 0x46 0x43)
/// version     int32    format version, currently 3 (2 added component kind 6, 3 the residual shape and the
///                      intermittent one-step error variance; older files are read unchanged, without either)
/// content     byte     1 = one model, 2 = a model set
/// set         byte granularity (1 day, 2 week); int32 parameter count, then key and value strings;
///             int32 entry count, then per entry: series id (string), int32 day number of the last period, model
/// model       int32 seasonal period, int32 training length, bool non-negative, bool integer-valued, byte interval
///             method, float64 naive scale; int32 candidate count, then per candidate: byte method, component,
///             int32 n + float64[n] backtest forecasts, float64 backtest MAE, errors?, version 3 on shape (int32 n +
///             float64[n] sorted standardized residual quantiles, n = 0 for none); int32 selected count, then
///             byte methods; bool has-backtest [int32 k, int32[k] origins, int32 h, float64[k h] actuals,
///             float64[k h] forecasts, float64 MAE]; errors?
/// errors?     bool present [float64 x 4 scale coefficients, int32 n + float64[n] sorted standardised step errors,
///             int32 n + float64[n] cumulative errors, float64 level reference]
/// component   byte kind, then: 1 naive (int32 period, int32 n, float64 variance, float64[period] last season);
///             2 mean (float64 mean, float64 variance, int32 n); 3 ETS (byte error, trend, season, int32 period,
///             float64 alpha, beta, gamma, phi, initial and final states [float64 level, trend, int32 m, float64[m]],
///             float64 variance, float64 log-likelihood, int32 parameters, int32 n); 4 Theta (float64 level, alpha,
///             drift, variance, int32 m, float64[m] season, bool multiplicative, int32 n); 5 intermittent (byte
///             variant, float64 size, interval, probability, alpha, beta, int32 n, version 3 on float64 one-step error
///             variance, NaN for none); 6 ARIMA, version 2 on (int32 p, d,
///             q, bool constant, float64[p] AR, float64[q] MA, float64 constant, variance, int32 r + float64[r] state,
///             float64 last observation, log-likelihood, int32 n)
/// crc         uint32   CRC-32 (IEEE) of every byte from the signature to the end of the content
/// </code>
/// A new version only ever adds: loading keeps every older branch.
/// </summary>
public static class ForecastModelSerializer
{
    /// <summary>The version <see cref="Save(ForecastModelSet, Stream)"/> writes.</summary>
    public const int CurrentVersion = 3;

    private const byte ModelContent = 1;
    private const byte SetContent = 2;

    private static readonly byte[] Signature = "SLFC"u8.ToArray();

    public static void Save(AutomaticForecastModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        Write(stream, ModelContent, writer => WriteModel(writer, model));
    }

    public static void Save(ForecastModelSet set, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(set);
        Write(stream, SetContent, writer =>
        {
            writer.Write((byte)set.Granularity);
            writer.Write(set.Parameters.Count);
            foreach (var (key, value) in set.Parameters)
            {
                writer.Write(key);
                writer.Write(value);
            }

            writer.Write(set.Entries.Length);
            foreach (var entry in set.Entries)
            {
                writer.Write(entry.SeriesId);
                writer.Write(entry.LastPeriod.DayNumber);
                WriteModel(writer, entry.Model);
            }
        });
    }

    /// <summary>Loads one model; throws <see cref="InvalidDataException"/> for a damaged or foreign file or a set.</summary>
    public static AutomaticForecastModel LoadModel(Stream stream) =>
        Read(stream, ModelContent, ReadModel);

    /// <summary>Loads a model set; throws <see cref="InvalidDataException"/> for a damaged or foreign file or a single model.</summary>
    public static ForecastModelSet LoadSet(Stream stream) =>
        Read(stream, SetContent, (reader, version) =>
        {
            var granularity = (SeriesGranularity)reader.ReadByte();
            if (!Enum.IsDefined(granularity))
            {
                throw new InvalidDataException($"Unknown granularity {(int)granularity}.");
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var parameterCount = ModelBinary.ReadCount(reader);
            for (var i = 0; i < parameterCount; i++)
            {
                parameters[reader.ReadString()] = reader.ReadString();
            }

            var count = ModelBinary.ReadCount(reader);
            var entries = new List<ForecastModelSetEntry>(Math.Min(count, 1 << 16));
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                var lastPeriod = DateOnly.FromDayNumber(reader.ReadInt32());
                entries.Add(new ForecastModelSetEntry(id, lastPeriod, ReadModel(reader, version)));
            }

            return new ForecastModelSet(granularity, entries, parameters);
        });

    private static void Write(Stream stream, byte content, Action<BinaryWriter> body)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var checksum = new ChecksumStream(stream);
        using (var writer = new BinaryWriter(checksum, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Signature);
            writer.Write(CurrentVersion);
            writer.Write(content);
            body(writer);
        }

        using var trailer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        trailer.Write(checksum.Checksum);
    }

    private static T Read<T>(Stream stream, byte expectedContent, Func<BinaryReader, int, T> body)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var checksum = new ChecksumStream(stream);
        T result;
        using (var reader = new BinaryReader(checksum, Encoding.UTF8, leaveOpen: true))
        {
            try
            {
                Span<byte> signature = stackalloc byte[4];
                checksum.ReadExactly(signature);
                if (!signature.SequenceEqual(Signature))
                {
                    throw new InvalidDataException("Not a forecast model file (signature mismatch).");
                }

                var version = reader.ReadInt32();
                if (version is < 1 or > CurrentVersion)
                {
                    throw new InvalidDataException(
                        $"Forecast model format version {version} is not supported (this build reads 1 to {CurrentVersion}).");
                }

                var content = reader.ReadByte();
                if (content != expectedContent)
                {
                    throw new InvalidDataException(content == ModelContent
                        ? "The file holds a single model, not a model set."
                        : content == SetContent ? "The file holds a model set, not a single model." : $"Unknown content kind {content}.");
                }

                result = body(reader, version);
            }
            catch (EndOfStreamException exception)
            {
                throw new InvalidDataException("The model file ends early.", exception);
            }
            catch (ArgumentException exception)
            {
                throw new InvalidDataException($"The model file holds an impossible value: {exception.Message}", exception);
            }
        }

        Span<byte> trailer = stackalloc byte[4];
        try
        {
            stream.ReadExactly(trailer);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The model file has no checksum.", exception);
        }

        if (BitConverter.ToUInt32(trailer) != checksum.Checksum)
        {
            throw new InvalidDataException("The model file is damaged (checksum mismatch).");
        }

        return result;
    }

    private static void WriteModel(BinaryWriter writer, AutomaticForecastModel model)
    {
        writer.Write(model.SeasonalPeriod);
        writer.Write(model.TrainingLength);
        writer.Write(model.NonNegative);
        writer.Write(model.IntegerValued);
        writer.Write((byte)model.Intervals);
        writer.Write(model.NaiveScale);
        writer.Write(model.Candidates.Length);
        foreach (var candidate in model.Candidates)
        {
            writer.Write((byte)candidate.Method);
            WriteComponent(writer, candidate.Model);
            WriteDoubles(writer, candidate.BacktestForecasts);
            writer.Write(candidate.BacktestMeanAbsoluteError);
            WriteErrors(writer, candidate.Errors);
            WriteDoubles(writer, candidate.ResidualShape?.SortedSample ?? []);
        }

        writer.Write(model.Selected.Length);
        foreach (var method in model.Selected)
        {
            writer.Write((byte)method);
        }

        writer.Write(model.Backtest is not null);
        if (model.Backtest is { } backtest)
        {
            writer.Write(backtest.Origins.Length);
            ModelBinary.WriteInts(writer, backtest.Origins.AsSpan());
            writer.Write(backtest.Horizon);
            ModelBinary.WriteDoubles(writer, backtest.Actuals.AsSpan());
            ModelBinary.WriteDoubles(writer, backtest.Forecasts.AsSpan());
            writer.Write(backtest.MeanAbsoluteError);
        }

        WriteErrors(writer, model.Errors);
    }

    private static AutomaticForecastModel ReadModel(BinaryReader reader, int version)
    {
        var period = reader.ReadInt32();
        var trainingLength = reader.ReadInt32();
        var nonNegative = reader.ReadBoolean();
        var integerValued = reader.ReadBoolean();
        var intervals = (IntervalMethod)reader.ReadByte();
        if (!Enum.IsDefined(intervals))
        {
            throw new InvalidDataException($"Unknown interval method {(int)intervals}.");
        }

        var naiveScale = reader.ReadDouble();
        var candidates = new CandidateResult[ModelBinary.ReadCount(reader)];
        for (var i = 0; i < candidates.Length; i++)
        {
            var method = ReadMethod(reader);
            var component = ReadComponent(reader, version);
            var forecasts = ReadDoubles(reader);
            var mae = reader.ReadDouble();
            var candidateErrors = ReadErrors(reader);
            var shape = version >= 3 ? ReadShape(reader) : null;
            candidates[i] = new CandidateResult(method, component, forecasts, mae, candidateErrors, shape);
        }

        var selected = new ForecastMethod[ModelBinary.ReadCount(reader)];
        for (var i = 0; i < selected.Length; i++)
        {
            selected[i] = ReadMethod(reader);
            if (!candidates.Any(candidate => candidate.Method == selected[i]))
            {
                throw new InvalidDataException($"The selected method {selected[i]} is not among the candidates.");
            }
        }

        if (selected.Length == 0)
        {
            throw new InvalidDataException("A model without a selected method.");
        }

        BacktestRecord? backtest = null;
        if (reader.ReadBoolean())
        {
            var origins = ModelBinary.ReadInts(reader, ModelBinary.ReadCount(reader));
            var horizon = ModelBinary.ReadCount(reader);
            var cells = checked(origins.Length * horizon);
            var actuals = ModelBinary.ReadDoubles(reader, cells);
            var forecasts = ModelBinary.ReadDoubles(reader, cells);
            backtest = new BacktestRecord(
                ImmutableArray.Create(origins), horizon, ImmutableArray.Create(actuals), ImmutableArray.Create(forecasts), reader.ReadDouble());
        }

        var errors = ReadErrors(reader);
        if (selected.Length > 1 && errors is null)
        {
            throw new InvalidDataException("A combination without backtest errors.");
        }

        return new AutomaticForecastModel(
            period, trainingLength, nonNegative, integerValued, intervals, naiveScale, ImmutableArray.Create(candidates),
            ImmutableArray.Create(selected), backtest, errors);
    }

    private static void WriteComponent(BinaryWriter writer, IForecastModel model)
    {
        switch (model)
        {
            case NaiveModel naive:
                writer.Write((byte)1);
                writer.Write(naive.SeasonalPeriod);
                writer.Write(naive.TrainingLength);
                writer.Write(naive.InnovationVariance);
                ModelBinary.WriteDoubles(writer, naive.LastSeason.AsSpan());
                break;
            case HistoricalMeanModel mean:
                writer.Write((byte)2);
                writer.Write(mean.Mean);
                writer.Write(mean.Variance);
                writer.Write(mean.TrainingLength);
                break;
            case EtsModel ets:
                writer.Write((byte)3);
                writer.Write((byte)ets.Specification.Error);
                writer.Write((byte)ets.Specification.Trend);
                writer.Write((byte)ets.Specification.Season);
                writer.Write(ets.SeasonalPeriod);
                writer.Write(ets.Parameters.Alpha);
                writer.Write(ets.Parameters.Beta);
                writer.Write(ets.Parameters.Gamma);
                writer.Write(ets.Parameters.Phi);
                WriteStates(writer, ets.InitialStates);
                WriteStates(writer, ets.FinalStates);
                writer.Write(ets.InnovationVariance);
                writer.Write(ets.LogLikelihood);
                writer.Write(ets.ParameterCount);
                writer.Write(ets.TrainingLength);
                break;
            case ThetaModel theta:
                writer.Write((byte)4);
                writer.Write(theta.Level);
                writer.Write(theta.Alpha);
                writer.Write(theta.Drift);
                writer.Write(theta.InnovationVariance);
                WriteDoubles(writer, theta.Season);
                writer.Write(theta.MultiplicativeSeason);
                writer.Write(theta.TrainingLength);
                break;
            case IntermittentDemandModel intermittent:
                writer.Write((byte)5);
                writer.Write((byte)intermittent.Variant);
                writer.Write(intermittent.Size);
                writer.Write(intermittent.Interval);
                writer.Write(intermittent.Probability);
                writer.Write(intermittent.SizeSmoothing);
                writer.Write(intermittent.ProbabilitySmoothing);
                writer.Write(intermittent.TrainingLength);
                writer.Write(intermittent.ResidualVariance);
                break;
            case ArimaModel arima:
                writer.Write((byte)6);
                writer.Write(arima.Order.Autoregressive);
                writer.Write(arima.Order.Differences);
                writer.Write(arima.Order.MovingAverage);
                writer.Write(arima.Order.IncludesConstant);
                ModelBinary.WriteDoubles(writer, arima.Autoregressive.AsSpan());
                ModelBinary.WriteDoubles(writer, arima.MovingAverage.AsSpan());
                writer.Write(arima.Constant);
                writer.Write(arima.InnovationVariance);
                WriteDoubles(writer, arima.State);
                writer.Write(arima.LastObservation);
                writer.Write(arima.LogLikelihood);
                writer.Write(arima.TrainingLength);
                break;
            default:
                throw new NotSupportedException($"{model.GetType().Name} cannot be saved.");
        }
    }

    private static int ReadOrder(BinaryReader reader)
    {
        var order = reader.ReadInt32();
        return order is >= 0 and <= ArimaTrainer.MaxOrder ? order : throw new InvalidDataException($"Impossible ARIMA order {order}.");
    }

    private static IForecastModel ReadComponent(BinaryReader reader, int version)
    {
        var kind = reader.ReadByte();
        switch (kind)
        {
            case 1:
            {
                var period = ModelBinary.ReadCount(reader);
                var trainingLength = reader.ReadInt32();
                var variance = reader.ReadDouble();
                return new NaiveModel(period, ModelBinary.ReadDoubles(reader, period), variance, trainingLength);
            }

            case 2:
                return new HistoricalMeanModel(reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32());
            case 3:
            {
                var specification = new EtsSpecification((EtsErrorType)reader.ReadByte(), (EtsTrendType)reader.ReadByte(), (EtsSeasonType)reader.ReadByte());
                if (!Enum.IsDefined(specification.Error) || !Enum.IsDefined(specification.Trend) || !Enum.IsDefined(specification.Season))
                {
                    throw new InvalidDataException($"Unknown ETS form {specification}.");
                }

                var period = reader.ReadInt32();
                var parameters = new EtsParameters(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
                var initial = ReadStates(reader);
                var final = ReadStates(reader);
                return new EtsModel(
                    specification, period, parameters, initial, final, reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32(), reader.ReadInt32());
            }

            case 4:
            {
                var level = reader.ReadDouble();
                var alpha = reader.ReadDouble();
                var drift = reader.ReadDouble();
                var variance = reader.ReadDouble();
                var season = ReadDoubles(reader);
                return new ThetaModel(level, alpha, drift, variance, season.ToArray(), reader.ReadBoolean(), reader.ReadInt32());
            }

            case 5:
            {
                var variant = (IntermittentMethod)reader.ReadByte();
                if (!Enum.IsDefined(variant))
                {
                    throw new InvalidDataException($"Unknown intermittent method {(int)variant}.");
                }

                var (size, interval, probability, sizeSmoothing, probabilitySmoothing, length) =
                    (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32());
                var residualVariance = version >= 3 ? reader.ReadDouble() : double.NaN;
                return new IntermittentDemandModel(variant, size, interval, probability, sizeSmoothing, probabilitySmoothing, length, residualVariance);
            }

            case 6 when version >= 2:
            {
                var order = new ArimaOrder(ReadOrder(reader), reader.ReadInt32(), ReadOrder(reader), reader.ReadBoolean());
                if (order.Differences is not (0 or 1))
                {
                    throw new InvalidDataException($"Unsupported ARIMA differences {order.Differences}.");
                }

                var autoregressive = ModelBinary.ReadDoubles(reader, order.Autoregressive);
                var movingAverage = ModelBinary.ReadDoubles(reader, order.MovingAverage);
                var constant = reader.ReadDouble();
                var variance = reader.ReadDouble();
                var state = ReadDoubles(reader).ToArray();
                return new ArimaModel(
                    order, autoregressive, movingAverage, constant, variance, state, reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt32());
            }

            default:
                throw new InvalidDataException($"Unknown model kind {kind} in a version-{version} file.");
        }
    }

    private static void WriteStates(BinaryWriter writer, EtsStates states)
    {
        writer.Write(states.Level);
        writer.Write(states.Trend);
        WriteDoubles(writer, states.Season);
    }

    private static EtsStates ReadStates(BinaryReader reader) => new(reader.ReadDouble(), reader.ReadDouble(), ReadDoubles(reader));

    private static void WriteErrors(BinaryWriter writer, EmpiricalErrors? errors)
    {
        writer.Write(errors is not null);
        if (errors is null)
        {
            return;
        }

        writer.Write(errors.Scale.StepIntercept);
        writer.Write(errors.Scale.StepSlope);
        writer.Write(errors.Scale.CumulativeLinear);
        writer.Write(errors.Scale.CumulativeQuadratic);
        WriteDoubles(writer, errors.StepErrors.SortedSample);
        WriteDoubles(writer, errors.CumulativeErrors.SortedSample);
        writer.Write(errors.LevelReference);
    }

    private static EmpiricalErrors? ReadErrors(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var scale = new ErrorScale(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
        var step = StandardizedErrors.FromSample(ReadDoubles(reader));
        var cumulative = StandardizedErrors.FromSample(ReadDoubles(reader));
        return new EmpiricalErrors(scale, step, cumulative, reader.ReadDouble());
    }

    private static StandardizedErrors? ReadShape(BinaryReader reader)
    {
        var points = ReadDoubles(reader);
        for (var i = 0; i < points.Length; i++)
        {
            if (!double.IsFinite(points[i]) || (i > 0 && points[i] < points[i - 1]))
            {
                throw new InvalidDataException("A residual shape that is not a sorted list of finite numbers.");
            }
        }

        return points.IsEmpty ? null : StandardizedErrors.ResidualShape(points);
    }

    private static void WriteDoubles(BinaryWriter writer, ImmutableArray<double> values)
    {
        writer.Write(values.Length);
        ModelBinary.WriteDoubles(writer, values.AsSpan());
    }

    private static ImmutableArray<double> ReadDoubles(BinaryReader reader) =>
        ImmutableArray.Create(ModelBinary.ReadDoubles(reader, ModelBinary.ReadCount(reader)));

    private static ForecastMethod ReadMethod(BinaryReader reader)
    {
        var method = (ForecastMethod)reader.ReadByte();
        return Enum.IsDefined(method) ? method : throw new InvalidDataException($"Unknown forecast method {(int)method}.");
    }
}
