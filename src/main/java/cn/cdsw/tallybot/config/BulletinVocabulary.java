package cn.cdsw.tallybot.config;

import java.util.List;

/**
 * The {@code bulletin} block of {@code prose.yml}: how much of a bulletin covering
 * several stations one message may hold, and the lines that are no station's text
 * (picture file names, picture placeholders and captions, the editor's and sender's lines
 * at the end).
 *
 * @param maxStations the most stations one pasted bulletin may hold
 * @param maxCharacters the most characters one pasted bulletin may have; a bulletin may
 * be longer than one command ({@code grammar.yml} max-length message), as it stands for
 * several reports
 * @param pictureExtensions file name endings of pictures (jpg, png …), without the dot
 * @param pictureWords placeholders a pasted picture leaves (图片, [图片])
 * @param captionWords words that start a picture's caption (图为)
 * @param skippedFields field names of the editor's lines (编辑：, 审核：, 供稿：)
 * @param generalWords words that make a unit name at the start of a paragraph a general
 * one (全区街道社工站, 各社区社工室), which ends the station above instead of starting one
 * @param ownWords words that make such a name the station's own (本月社工站, 该社工站): it neither
 * starts nor ends one
 */
public record BulletinVocabulary(int maxStations, int maxCharacters, List<String> pictureExtensions,
        List<String> pictureWords, List<String> captionWords, List<String> skippedFields, List<String> generalWords,
        List<String> ownWords) {

    /** What a bot-config folder without the block gets. */
    public static final BulletinVocabulary DEFAULT = new BulletinVocabulary(20, 6000,
            List.of("jpg", "jpeg", "png", "gif", "webp", "heic", "bmp"), List.of("图片", "照片", "视频"), List.of("图为"),
            List.of("编辑", "审核", "签发", "供稿", "来源", "报送", "抄送", "联系人", "联系电话"), List.of("全区", "全市", "全县", "各", "所有"),
            List.of("本", "该", "我"));

    public BulletinVocabulary {
        if (maxStations < 2 || maxCharacters < 1) {
            throw new IllegalArgumentException("a bulletin holds at least two stations and one character");
        }
        pictureExtensions = List.copyOf(pictureExtensions);
        pictureWords = List.copyOf(pictureWords);
        captionWords = List.copyOf(captionWords);
        skippedFields = List.copyOf(skippedFields);
        generalWords = List.copyOf(generalWords);
        ownWords = List.copyOf(ownWords);
    }

}
