using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>
/// Scores a message's sentiment in [-1, 1] (<see cref="SentimentBlend"/>) from two signals: the polarity lexicon over all
/// the message's words (the mean weight of its matches, at full strength from two matches on, half for one) and, when <c>Support:SentimentDataPath</c>
/// names the UCI sentences (sentence TAB 0|1), a model trained once on them (2·P(positive) − 1). The model learned from
/// product reviews and is far too sure of itself on neutral support questions ("what payment methods do you accept"
/// scores −0.8), so its weight is at most <see cref="ModelWeight"/>, times the share of the message's words it knows:
/// a strongly negative score needs negative words.
/// </summary>
public sealed class SentimentAnalyzer
{
    private readonly Lazy<SentimentModel?> _model;

    public SentimentAnalyzer(IOptions<SupportOptions> options, ILogger<SentimentAnalyzer> logger)
    {
        var folder = options.Value.SentimentDataPath;
        _model = new Lazy<SentimentModel?>(() =>
        {
            if (string.IsNullOrWhiteSpace(folder))
            {
                return null;
            }

            var examples = Directory.EnumerateFiles(folder, "*_labelled.txt").Order(StringComparer.Ordinal).SelectMany(Read).ToList();
            var model = new SentimentClassifierTrainer().Fit(examples);
            logger.LogInformation("Sentiment model trained on {Count} sentences from {Folder}", examples.Count, folder);
            return model;
        });
    }

    /// <summary>
    /// The largest weight the trained model gets next to the lexicon, chosen by <c>serverless sentiment weights</c>
    /// (docs/quality.md, 2026-12-04): the most accurate blend in 10-fold cross-validation on the UCI sentences (0.8765)
    /// among those that hand off no more neutral support requests than the lexicon alone (0.58% of 25,661).
    /// </summary>
    public const double ModelWeight = 0.35;

    public double Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SentimentBlend.Combine(_model.Value?.Score(text), SentimentBlend.Lexicon(text, SentimentLexicon.Default), ModelWeight);
    }

    private static IEnumerable<LabeledText> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.LastIndexOf('\t');
            var label = tab < 0 ? string.Empty : line[(tab + 1)..].Trim();
            if (label is "0" or "1")
            {
                yield return new LabeledText(
                    line[..tab].Trim(), label == "1" ? SentimentClassifierTrainer.Positive : SentimentClassifierTrainer.Negative);
            }
        }
    }
}
