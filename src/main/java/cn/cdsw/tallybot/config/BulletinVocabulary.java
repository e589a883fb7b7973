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
 */
public record BulletinVocabulary(int maxStations, int maxCharacters, List<String> pictureExtensions,
        List<String> pictureWords, List<String> captionWords, List<String> skippedFields) {

    /** What a bot-config folder without the block gets. */
    public static final BulletinVocabulary DEFAULT = new BulletinVocabulary(20, 6000,
            List.of("jpg", "jpeg", "png", "gif", "webp", "heic", "bmp"), List.of("图片", "照片", "视频"), List.of("图为"),
            List.of("编辑", "审核", "签发", "供稿", "来源", "报送", "抄送", "联系人", "联系电话"));

    public BulletinVocabulary {
        if (maxStations < 2 || maxCharacters < 1) {
            throw new IllegalArgumentException("a bulletin holds at least two stations and one character");
        }
        pictureExtensions = List.copyOf(pictureExtensions);
        pictureWords = List.copyOf(pictureWords);
        captionWords = List.copyOf(captionWords);
        skippedFields = List.copyOf(skippedFields);
    }

}
