namespace Serverless.Learning.Classification;

/// <summary>The built-in polarity words of <see cref="SentimentLexicon.Default"/>, written for this project.</summary>
internal static class DefaultSentimentLexiconEntries
{
    public static readonly IReadOnlyDictionary<string, double> Entries = Build();

    private static Dictionary<string, double> Build()
    {
        var entries = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(double weight, params string[] words)
        {
            foreach (var word in words)
            {
                entries[word] = weight;
            }
        }

        // English
        Add(1.0, "excellent", "amazing", "awesome", "fantastic", "perfect", "outstanding", "superb", "wonderful", "love", "loved", "brilliant");
        Add(0.7, "good", "great", "nice", "happy", "glad", "pleased", "satisfied", "recommend", "recommended", "thanks", "thank",
            "helpful", "fast", "quick", "easy", "works", "worked", "reliable", "friendly", "impressed", "enjoy", "enjoyed", "like", "liked",
            "smooth", "solid", "comfortable", "beautiful", "delicious", "fine", "appreciate", "appreciated", "resolved", "fixed");
        Add(-0.7, "bad", "poor", "slow", "broken", "late", "delayed", "wrong", "missing", "damaged", "defective", "faulty",
            "disappointed", "disappointing", "unhappy", "annoyed", "annoying", "problem", "problems", "issue", "issues", "complaint",
            "expensive", "useless", "waste", "refund", "rude", "difficult", "confusing", "cheap", "fail", "failed", "fails", "error",
            "lost", "never", "dislike", "unacceptable", "ridiculous", "frustrated", "frustrating", "upset", "angry");
        Add(-1.0, "terrible", "horrible", "awful", "worst", "hate", "hated", "scam", "fraud", "furious", "disgusting", "pathetic",
            "garbage", "rubbish", "unbelievable", "outrageous", "livid", "nightmare");

        // Chinese (simplified; traditional forms of the most common ones too)
        Add(1.0, "非常好", "太好了", "完美", "超赞", "很棒", "喜欢", "满意", "非常满意", "感谢", "谢谢", "推荐", "惊喜", "好评", "棒");
        Add(0.7, "好", "不错", "可以", "挺好", "方便", "快", "及时", "耐心", "专业", "靠谱", "放心", "开心", "高兴", "舒服",
            "好用", "划算", "值得", "解决了", "感謝", "謝謝", "滿意", "喜歡");
        Add(-0.7, "差", "慢", "问题", "失望", "不满", "不满意", "麻烦", "贵", "坏了", "破损", "损坏", "错了", "发错", "少了",
            "延迟", "迟迟", "退款", "投诉", "难用", "不行", "烦", "着急", "等了", "还没", "一直没", "問題", "失望了");
        Add(-1.0, "垃圾", "太差", "极差", "很差", "非常差", "差评", "骗子", "欺骗", "气死", "生气", "愤怒", "恶心", "坑",
            "太慢", "什么破", "无语", "受够了", "再也不", "糟糕", "糟透", "垃圾服务");
        return entries;
    }
}
