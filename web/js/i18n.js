// UI strings in Vietnamese and English, and the formatting helpers that go with them.
// `translate(lang, key, params)` looks a key up; `{name}` placeholders are filled from params.

const vi = {
  'app.title': 'Phân tích bài báo',
  'app.tagline': 'Chạy hoàn toàn trong trình duyệt: văn bản không rời khỏi máy này.',
  'app.skip': 'Chuyển đến kết quả',
  'app.uiLanguage': 'Ngôn ngữ giao diện',
  'app.componentDemo': 'Trang thử thành phần',

  'editor.heading': 'Văn bản bài báo',
  'editor.label': 'Dán hoặc gõ bài báo (mỗi đoạn một dòng)',
  'editor.hint': 'Ctrl+Enter để phân tích ngay, Esc để sang kết quả. Dán từ trang web vẫn giữ các đoạn. Có thể kéo thả tệp .txt vào đây.',
  'editor.language': 'Ngôn ngữ bài',
  'editor.language.auto': 'Tự nhận biết',
  'editor.language.vi': 'Tiếng Việt',
  'editor.language.en': 'Tiếng Anh',
  'editor.referenceDate': 'Ngày tham chiếu',
  'editor.referenceDate.placeholder': 'ngày/tháng/năm',
  'editor.referenceDate.invalid': 'Không phải một ngày: viết ngày/tháng/năm, ví dụ 29/12/2020.',
  'editor.auto': 'Tự phân tích khi sửa',
  'editor.analyze': 'Phân tích',
  'editor.open': 'Mở tệp .txt…',
  'editor.sample': 'Bài mẫu',
  'editor.clear': 'Xoá',
  'editor.unfold': 'Sửa văn bản',
  'editor.dropHere': 'Thả tệp .txt để mở',
  'editor.chars': '{n} ký tự',
  'editor.large': 'Văn bản lớn ({size}, {paragraphs} đoạn) được giữ ngoài ô soạn thảo để trang luôn mượt. Kết quả phân tích nằm bên cạnh.',
  'editor.large.edit': 'Vẫn sửa trong ô soạn thảo',
  'editor.large.preview': 'Phần đầu văn bản',

  'file.reading': 'Đang đọc “{name}” ({size})…',
  'file.read': 'Đã đọc “{name}” ({size}) với mã {encoding}.',
  'file.read.normalized': 'Đã đọc “{name}” ({size}) với mã {encoding}; dấu thanh viết tách rời được ghép lại (NFC).',
  'file.guess1258': 'Tệp không phải UTF-8 hay UTF-16; đọc theo Windows-1258 thì ra chữ tiếng Việt nên tệp được đọc theo mã này (đoán). Nếu chữ hiển thị sai, hãy lưu lại tệp dưới dạng UTF-8.',
  'file.unknownEncoding': 'Không nhận ra bảng mã của “{name}” (không phải UTF-8, UTF-16 hay Windows-1258 tiếng Việt). Tệp được đọc theo {encoding} nên chữ có thể sai; hãy lưu lại tệp dưới dạng UTF-8 rồi mở lại.',
  'file.invalidUtf8': 'Không đọc được “{name}”: tệp được đánh dấu là UTF-8 (có BOM) nhưng chứa byte không hợp lệ trong UTF-8.',
  'file.warning': '“{name}”: {message}',
  'file.binary': 'Không đọc được “{name}”: tệp có vẻ không phải văn bản.',
  'file.undecodable': 'Không đọc được “{name}”: không nhận ra bảng mã (không phải UTF-8, UTF-16 hay Windows-1258).',
  'file.notText': '“{name}” không phải tệp .txt; chỉ mở được tệp văn bản.',
  'file.empty': 'Tệp “{name}” rỗng.',
  'file.tooLarge': 'Không mở “{name}” ({size}): tệp lớn hơn {limit}, vượt quá lượng văn bản bộ phân tích nhận (8 MB UTF-8).',
  'file.error': 'Không đọc được “{name}”: {message}',

  'export.heading': 'Xuất kết quả',
  'export.copy': 'Sao chép JSON',
  'export.download': 'Tải JSON',
  'export.report': 'Tải báo cáo (.txt)',
  'export.tags': 'Sao chép thẻ',
  'export.jsonld': 'Tải JSON-LD',
  'export.tagsCopied': 'Đã sao chép thẻ (nhân vật, tổ chức, địa danh, từ khoá) vào bộ nhớ tạm.',
  'export.copied': 'Đã sao chép JSON vào bộ nhớ tạm.',
  'export.copyFailed': 'Không sao chép được: {message}',
  'export.saved': 'Đã tạo tệp {name}.',
  'export.nothing': 'Chưa có kết quả để xuất.',

  'results.heading': 'Kết quả phân tích',
  'status.empty': 'Dán một bài báo để bắt đầu.',
  'status.loading': 'Đang nạp bộ phân tích…',
  'status.analysing': 'Đang phân tích {size}…',
  'status.rendering': 'Đang hiển thị {done}/{total} khối…',
  'status.done': 'Phân tích xong trong {ms} ms · {analyzer} {version}',
  'status.failed': 'Phân tích thất bại: {message}',
  'status.unusable': 'Không phân tích được văn bản này.',
  'status.jumped': 'Đã chuyển đến “{text}”.',
  'status.jumpedN': 'Đã chuyển đến lần {i}/{n}: “{text}”.',

  'summary.untitled': '(không có tiêu đề)',
  'summary.date': 'Ngày',
  'summary.author': 'Tác giả',
  'summary.dateline': 'Nơi đưa tin',
  'summary.language': 'Ngôn ngữ',
  'summary.who': 'Ai',
  'summary.organizations': 'Tổ chức',
  'summary.where': 'Ở đâu',
  'summary.when': 'Khi nào',
  'summary.quotes': 'Trích dẫn',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'Tiếng Anh',
  'lang.und': 'Chưa xác định',

  'doc.heading': 'Bài viết',
  'doc.legend': 'Chú giải và bộ lọc',
  'doc.sentences': 'Ranh giới câu',
  'doc.labels': 'Nhãn loại',
  'doc.quotes': 'Trích dẫn',
  'doc.sentenceN': 'Câu {n}',
  'doc.continued': '(tiếp)',

  'block.header': 'Đầu trang',
  'block.title': 'Tiêu đề',
  'block.lead': 'Sapo',
  'block.body': 'Thân bài',
  'block.caption': 'Chú thích ảnh',
  'block.speaker_caption': 'Chú thích phát biểu',
  'block.subheading': 'Tiêu đề phụ',
  'block.byline': 'Tác giả',
  'block.speaker': 'Người nói',
  'block.statement': 'Phát biểu',
  'block.credit': 'Nguồn ảnh',

  'entity.person': 'Người',
  'entity.organization': 'Tổ chức',
  'entity.location': 'Địa danh',
  'entity.date': 'Ngày tháng',
  'entity.time': 'Giờ',
  'entity.number': 'Số',
  'entity.money': 'Tiền',
  'entity.percent': 'Phần trăm',
  'entity.quantity': 'Số lượng',

  'panel.outline': 'Bố cục',
  'nav.panels': 'Đi tới bảng',
  'nav.text': 'Bài báo',
  'edit.open': 'Sửa',
  'edit.label': 'Sửa {name}',
  'edit.mergeInto': 'Gộp vào',
  'edit.merge': 'Gộp',
  'edit.newName': 'Tên mới',
  'edit.rename': 'Đổi tên',
  'edit.notPerson': 'Không phải người',
  'edit.moveTo.organizations': 'Là tổ chức',
  'edit.moveTo.places': 'Là địa danh',
  'edit.notEntity': 'Đọc sai ({type}): “{text}”',
  'edit.retype': 'Loại của “{text}”',
  'edit.splitForms': 'Là người khác khi viết là',
  'edit.splitName': 'Tên người kia',
  'edit.split': 'Tách',
  'edit.not.organizations': 'Không phải tổ chức: {name}',
  'edit.not.places': 'Không phải địa danh: {name}',
  'edit.applied': '{n} sửa đổi',
  'edit.undo': 'Hoàn tác',
  'edit.clear': 'Bỏ hết',
  'file.corrections': 'Đã áp dụng {n} sửa đổi từ {name}.',
  'file.noCorrections': '{name} không có sửa đổi nào (danh sách "corrections").',
  'keys.open': 'Phím tắt',
  'keys.title': 'Phím tắt',
  'keys.panel': 'mở bảng ở vị trí đó trên thanh bảng (1: Nhân vật)',
  'keys.next': 'lần nhắc tiếp theo của tên vừa chọn',
  'keys.previous': 'lần nhắc trước đó của tên vừa chọn',
  'keys.back': 'từ văn bản quay về tên vừa chọn',
  'keys.bar': 'đi dọc thanh bảng',
  'keys.help': 'bảng phím tắt này',
  'keys.close': 'Đóng',
  'panel.people': 'Nhân vật',
  'panel.organizations': 'Tổ chức',
  'panel.places': 'Địa danh',
  'panel.timeline': 'Dòng thời gian',
  'panel.figures': 'Số liệu',
  'panel.quotes': 'Trích dẫn',
  'panel.abbreviations': 'Chữ viết tắt',
  'panel.keywords': 'Từ khoá',
  'panel.stats': 'Thống kê',
  'panel.messages': 'Cảnh báo và lỗi',
  'panel.json': 'JSON gốc',
  'panel.none': 'Không có.',
  'panel.more': 'Hiện thêm {n} mục',
  'panel.jump': 'Đến vị trí',
  'panel.jumpTo': 'Đến “{text}”',

  'people.mentions': '{n} lần nhắc',
  'people.next': 'Lần nhắc tiếp theo của {name}',
  'people.forms': 'Cách gọi',
  'people.roles': 'Chức vụ',
  'people.quotes': '{n} trích dẫn',
  // A role's qualifiers (core/data/qualifiers.tsv values) around its title, in the order Vietnamese writes
  // them: before the title ("nguyên Chủ tịch", "quyền Giám đốc") or after it ("Phó trưởng Ban thường trực").
  'role.former': 'nguyên {title}',
  'role.standing': '{title} thường trực',
  'role.acting': 'quyền {title}',
  'role.new': 'tân {title}',
  'role.in charge': '{title} phụ trách',
  'role.concurrently': 'kiêm {title}',
  'named.abbreviation': 'viết tắt',

  'timeline.articleDate': 'Ngày của bài',
  'timeline.unresolved': 'Chưa quy được về ngày',
  'timeline.times': 'Giờ (không rõ ngày)',
  'timeline.until': 'đến',
  'partOfDay.morning': 'buổi sáng',
  'partOfDay.noon': 'buổi trưa',
  'partOfDay.afternoon': 'buổi chiều',
  'partOfDay.evening': 'buổi tối',
  'partOfDay.night': 'ban đêm',

  'figures.type': 'Loại',
  'figures.written': 'Trong bài',
  'figures.value': 'Giá trị',

  'quotes.unknown': 'Không rõ người nói',
  'quote.direct': 'Trực tiếp',
  'quote.reported': 'Gián tiếp',
  'quote.speaker_caption': 'Chú thích',
  'quote.cue': 'động từ dẫn: “{cue}”',

  'abbr.abbreviation': 'Viết tắt',
  'abbr.expansion': 'Đầy đủ',
  'abbr.count': 'Số lần',
  'keywords.score': 'Điểm',
  'keywords.count': '{n} lần',

  'stats.characters': 'Ký tự',
  'stats.syllables': 'Âm tiết / từ đơn',
  'stats.words': 'Từ',
  'stats.sentences': 'Câu',
  'stats.paragraphs': 'Đoạn',
  'stats.readingTime': 'Thời gian đọc',
  'stats.analysisTime': 'Thời gian phân tích',
  'stats.hours': '{h} giờ {m} phút',
  'stats.minutes': '{m} phút {s} giây',
  'stats.seconds': '{s} giây',

  'messages.warning': 'Cảnh báo',
  'messages.error': 'Lỗi',
  'messages.client': 'Giao diện',
  'messages.spanMismatch': '{n} vùng văn bản không khớp với nội dung bài (lỗi của bộ phân tích); chúng được bỏ qua khi tô màu.',

  'json.show': 'Hiện JSON',
  'json.truncated': 'Chỉ hiện {shown} đầu tiên trong {total}; tải JSON để xem đầy đủ.',

  'report.title': 'BÁO CÁO PHÂN TÍCH BÀI BÁO',
  'report.generated': 'Tạo bởi {analyzer} {version} lúc {when}',
  'report.people': 'NHÂN VẬT VÀ CHỨC VỤ',
  'report.quotes': 'TRÍCH DẪN',
  'report.dates': 'NGÀY THÁNG',
  'report.none': '(không có)',
  'report.mentions': '{n} lần nhắc',
};

const en = {
  'app.title': 'Article analyzer',
  'app.tagline': 'Runs entirely in your browser: the text never leaves this machine.',
  'app.skip': 'Skip to results',
  'app.uiLanguage': 'Interface language',
  'app.componentDemo': 'Component demo',

  'editor.heading': 'Article text',
  'editor.label': 'Paste or type the article (one paragraph per line)',
  'editor.hint': 'Ctrl+Enter analyses now, Esc goes to the results. Pasting from a web page keeps the paragraphs. You can drop a .txt file here.',
  'editor.language': 'Article language',
  'editor.language.auto': 'Detect',
  'editor.language.vi': 'Vietnamese',
  'editor.language.en': 'English',
  'editor.referenceDate': 'Reference date',
  'editor.referenceDate.placeholder': 'day/month/year',
  'editor.referenceDate.invalid': 'Not a date: write day/month/year, e.g. 29/12/2020.',
  'editor.auto': 'Re-analyse while editing',
  'editor.analyze': 'Analyse',
  'editor.open': 'Open .txt file…',
  'editor.sample': 'Sample',
  'editor.clear': 'Clear',
  'editor.unfold': 'Edit the text',
  'editor.dropHere': 'Drop a .txt file to open it',
  'editor.chars': '{n} characters',
  'editor.large': 'This large text ({size}, {paragraphs} paragraphs) is kept out of the editor so the page stays fast. The analysis is alongside.',
  'editor.large.edit': 'Edit it in the editor anyway',
  'editor.large.preview': 'Start of the text',

  'file.reading': 'Reading “{name}” ({size})…',
  'file.read': 'Read “{name}” ({size}) as {encoding}.',
  'file.read.normalized': 'Read “{name}” ({size}) as {encoding}; tone marks written as separate characters were composed (NFC).',
  'file.guess1258': 'The file is neither UTF-8 nor UTF-16; read as Windows-1258 its letters are Vietnamese, so it was read that way (a guess). If the letters look wrong, save the file as UTF-8.',
  'file.unknownEncoding': 'The encoding of “{name}” was not recognized (not UTF-8, UTF-16 or Vietnamese Windows-1258). It was read as {encoding}, so some letters may be wrong; save the file as UTF-8 and open it again.',
  'file.invalidUtf8': 'Cannot read “{name}”: it is marked as UTF-8 (a BOM) but holds bytes that are not valid UTF-8.',
  'file.warning': '“{name}”: {message}',
  'file.binary': 'Cannot read “{name}”: it does not look like a text file.',
  'file.undecodable': 'Cannot read “{name}”: unknown encoding (not UTF-8, UTF-16 or Windows-1258).',
  'file.notText': '“{name}” is not a .txt file; only text files can be opened.',
  'file.empty': 'The file “{name}” is empty.',
  'file.tooLarge': 'Cannot open “{name}” ({size}): files over {limit} hold more than the analyzer takes (8 MB of UTF-8 text).',
  'file.error': 'Cannot read “{name}”: {message}',

  'export.heading': 'Export',
  'export.copy': 'Copy JSON',
  'export.download': 'Download JSON',
  'export.report': 'Download report (.txt)',
  'export.tags': 'Copy tags',
  'export.jsonld': 'Download JSON-LD',
  'export.tagsCopied': 'Tags (people, organizations, places, keywords) copied to the clipboard.',
  'export.copied': 'JSON copied to the clipboard.',
  'export.copyFailed': 'Could not copy: {message}',
  'export.saved': 'Created {name}.',
  'export.nothing': 'There is no result to export yet.',

  'results.heading': 'Analysis',
  'status.empty': 'Paste an article to start.',
  'status.loading': 'Loading the analyzer…',
  'status.analysing': 'Analysing {size}…',
  'status.rendering': 'Rendering block {done} of {total}…',
  'status.done': 'Analysed in {ms} ms · {analyzer} {version}',
  'status.failed': 'Analysis failed: {message}',
  'status.unusable': 'This text cannot be analysed.',
  'status.jumped': 'Moved to “{text}”.',
  'status.jumpedN': 'Moved to mention {i} of {n}: “{text}”.',

  'summary.untitled': '(no title)',
  'summary.date': 'Date',
  'summary.author': 'Author',
  'summary.dateline': 'Dateline',
  'summary.language': 'Language',
  'summary.who': 'Who',
  'summary.organizations': 'Organizations',
  'summary.where': 'Where',
  'summary.when': 'When',
  'summary.quotes': 'Quotes',
  'lang.vi': 'Vietnamese',
  'lang.en': 'English',
  'lang.und': 'Undetermined',

  'doc.heading': 'Article',
  'doc.legend': 'Legend and filters',
  'doc.sentences': 'Sentence boundaries',
  'doc.labels': 'Type labels',
  'doc.quotes': 'Quotes',
  'doc.sentenceN': 'Sentence {n}',
  'doc.continued': '(continued)',

  'block.header': 'Header',
  'block.title': 'Title',
  'block.lead': 'Lead',
  'block.body': 'Body',
  'block.caption': 'Caption',
  'block.speaker_caption': 'Speaker caption',
  'block.subheading': 'Subheading',
  'block.byline': 'Byline',
  'block.speaker': 'Speaker',
  'block.statement': 'Statement',
  'block.credit': 'Photo credit',

  'entity.person': 'Person',
  'entity.organization': 'Organization',
  'entity.location': 'Place',
  'entity.date': 'Date',
  'entity.time': 'Time',
  'entity.number': 'Number',
  'entity.money': 'Money',
  'entity.percent': 'Percent',
  'entity.quantity': 'Quantity',

  'panel.outline': 'Outline',
  'nav.panels': 'Go to a panel',
  'nav.text': 'Article',
  'edit.open': 'Edit',
  'edit.label': 'Edit {name}',
  'edit.mergeInto': 'Merge into',
  'edit.merge': 'Merge',
  'edit.newName': 'New name',
  'edit.rename': 'Rename',
  'edit.notPerson': 'Not a person',
  'edit.moveTo.organizations': 'An organization',
  'edit.moveTo.places': 'A place',
  'edit.notEntity': 'Wrong ({type}): “{text}”',
  'edit.retype': 'Type of “{text}”',
  'edit.splitForms': 'Someone else when written as',
  'edit.splitName': "The other person's name",
  'edit.split': 'Split',
  'edit.not.organizations': 'Not an organization: {name}',
  'edit.not.places': 'Not a place: {name}',
  'edit.applied': { one: '{n} correction', other: '{n} corrections' },
  'edit.undo': 'Undo',
  'edit.clear': 'Clear all',
  'file.corrections': { one: 'Applied {n} correction from {name}.', other: 'Applied {n} corrections from {name}.' },
  'file.noCorrections': '{name} holds no corrections (a "corrections" list).',
  'keys.open': 'Keyboard shortcuts',
  'keys.title': 'Keyboard shortcuts',
  'keys.panel': 'open the panel at that place in the panel bar (1: People)',
  'keys.next': 'next mention of the name last chosen',
  'keys.previous': 'previous mention of the name last chosen',
  'keys.back': 'from the text back to the name last chosen',
  'keys.bar': 'along the panel bar',
  'keys.help': 'these shortcuts',
  'keys.close': 'Close',
  'panel.people': 'People',
  'panel.organizations': 'Organizations',
  'panel.places': 'Places',
  'panel.timeline': 'Timeline',
  'panel.figures': 'Figures',
  'panel.quotes': 'Quotes',
  'panel.abbreviations': 'Abbreviations',
  'panel.keywords': 'Keywords',
  'panel.stats': 'Statistics',
  'panel.messages': 'Warnings and errors',
  'panel.json': 'Raw JSON',
  'panel.none': 'None.',
  'panel.more': 'Show {n} more',
  'panel.jump': 'Show in text',
  'panel.jumpTo': 'Show “{text}” in the text',

  'people.mentions': { one: '{n} mention', other: '{n} mentions' },
  'people.next': 'Next mention of {name}',
  'people.forms': 'Written as',
  'people.roles': 'Roles',
  'people.quotes': { one: '{n} quote', other: '{n} quotes' },
  'role.former': 'former {title}',
  'role.standing': 'standing {title}',
  'role.acting': 'acting {title}',
  'role.new': 'new {title}',
  'role.in charge': '{title} in charge',
  'role.concurrently': 'concurrently {title}',
  'named.abbreviation': 'abbreviation',

  'timeline.articleDate': 'Article date',
  'timeline.unresolved': 'Not resolved to a date',
  'timeline.times': 'Times (no date)',
  'timeline.until': 'to',
  'partOfDay.morning': 'morning',
  'partOfDay.noon': 'noon',
  'partOfDay.afternoon': 'afternoon',
  'partOfDay.evening': 'evening',
  'partOfDay.night': 'night',

  'figures.type': 'Type',
  'figures.written': 'As written',
  'figures.value': 'Value',

  'quotes.unknown': 'Unknown speaker',
  'quote.direct': 'Direct',
  'quote.reported': 'Reported',
  'quote.speaker_caption': 'Caption',
  'quote.cue': 'cue: “{cue}”',

  'abbr.abbreviation': 'Abbreviation',
  'abbr.expansion': 'Stands for',
  'abbr.count': 'Count',
  'keywords.score': 'Score',
  'keywords.count': '{n}×',

  'stats.characters': 'Characters',
  'stats.syllables': 'Syllables / word tokens',
  'stats.words': 'Words',
  'stats.sentences': 'Sentences',
  'stats.paragraphs': 'Paragraphs',
  'stats.readingTime': 'Reading time',
  'stats.analysisTime': 'Analysis time',
  'stats.hours': '{h} h {m} min',
  'stats.minutes': '{m} min {s} s',
  'stats.seconds': '{s} s',

  'messages.warning': 'Warning',
  'messages.error': 'Error',
  'messages.client': 'Interface',
  'messages.spanMismatch': '{n} spans do not match the article text (an analyzer bug); they are left out of the highlighting.',

  'json.show': 'Show JSON',
  'json.truncated': 'Showing the first {shown} of {total}; download the JSON for all of it.',

  'report.title': 'ARTICLE ANALYSIS REPORT',
  'report.generated': 'Made by {analyzer} {version} on {when}',
  'report.people': 'PEOPLE AND ROLES',
  'report.quotes': 'QUOTES',
  'report.dates': 'DATES',
  'report.none': '(none)',
  'report.mentions': { one: '{n} mention', other: '{n} mentions' },
};

export const STRINGS = { vi, en };
export const UI_LANGUAGES = ['vi', 'en'];

/** The UI language to use for a BCP 47 tag: 'en…' → 'en', anything else → 'vi' (the product's first language). */
export function uiLanguage(tag) {
  return String(tag ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
}

const plurals = new Map();

/**
 * A string by key. An entry may be { one, other } (English nouns); the form follows params.count, else params.n.
 */
/**
 * A role as the interface language writes it: its title (as the article wrote it) with each qualifier placed
 * where that language puts it ("Phó trưởng Ban thường trực", "standing Phó trưởng Ban"). A qualifier the
 * interface does not know is left out rather than shown as its code.
 */
export function rolePhrase(lang, title, qualifiers = []) {
  let phrase = title;
  for (const q of qualifiers) {
    const template = STRINGS[uiLanguage(lang)][`role.${q}`] ?? en[`role.${q}`];
    if (typeof template === 'string') phrase = template.replace('{title}', phrase);
  }
  return phrase;
}

export function translate(lang, key, params) {
  const ui = uiLanguage(lang);
  const table = STRINGS[ui];
  let text = table[key] ?? en[key] ?? key;
  if (typeof text === 'object') {
    if (!plurals.has(ui)) plurals.set(ui, new Intl.PluralRules(locale(ui)));
    const count = Number(params?.count ?? String(params?.n ?? '').replace(/[^\d.-]/g, ''));
    text = text[plurals.get(ui).select(count)] ?? text.other;
  }
  if (params) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return text;
}

const locale = (lang) => (uiLanguage(lang) === 'en' ? 'en-GB' : 'vi-VN');

export function formatNumber(lang, value, options) {
  // 'min2': no separator in four-digit numbers, so years read as years (2020, not 2.020).
  return new Intl.NumberFormat(locale(lang), { useGrouping: 'min2', ...options }).format(value);
}

/** The size of a text as a file or the clipboard holds it: bytes of UTF-8 (not UTF-16 code units). */
export function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3; // a lone surrogate: U+FFFD
    } else bytes += 3;
  }
  return bytes;
}

/** 2048 → "2 KB", 2_000_000 → "1,9 MB" (binary units, one decimal above 1 MB). */
export function formatSize(lang, bytes) {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.round(bytes / 1024))} KB`;
  return `${formatNumber(lang, bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
}

/**
 * An ISO date as people read it: "YYYY-MM-DD", "YYYY-MM", "YYYY", or "--MM-DD" (a day without its year, as
 * the analyzer writes one it could not resolve). Vietnamese writes numbers ("15/7/2017", "15/7", "tháng
 * 7/2017"); English words ("15 July 2017", "15 July", "July 2017"). Anything else is returned unchanged.
 */
/**
 * A date as an editor types it, day first as Vietnamese (and British) news writes it ("29/12/2020", "29.12.2020",
 * "29-12-2020"), or ISO ("2020-12-29"), as "YYYY-MM-DD"; "" for nothing typed; null for what is no date
 * (31/2, 13/13, a year outside 1900–2100).
 */
export function parseDateInput(value) {
  const s = String(value ?? '').trim();
  if (!s) return '';
  let y, m, d;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [, y, m, d] = match.map(Number);
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [, d, m, y] = match.map(Number);
  else return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function formatIsoDate(lang, iso) {
  const text = String(iso ?? '');
  const m = /^(?:(\d{4})|-)(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m || (!m[1] && !(m[2] && m[3]))) return text;
  const [, y, mo, d] = m;
  if (uiLanguage(lang) === 'vi') {
    const [day, month] = [Number(d), Number(mo)];
    if (d) return y ? `${day}/${month}/${y}` : `${day}/${month}`;
    return mo ? `tháng ${month}/${y}` : y;
  }
  // A day without its year is shown in a leap year, so that 29 February is a date too.
  const date = new Date(Date.UTC(y ? Number(y) : 2000, mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const options = { timeZone: 'UTC' };
  if (y) options.year = 'numeric';
  if (mo) options.month = 'long';
  if (d) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale(lang), options).format(date);
}

/** 75 → "1 phút 15 giây"; an hour or more in hours and minutes: 22 737 → "6 giờ 19 phút". */
export function formatDuration(lang, seconds) {
  const total = Math.round(seconds);
  if (total >= 3600) {
    const minutes = Math.round(total / 60);
    return translate(lang, 'stats.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
  }
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m ? translate(lang, 'stats.minutes', { m, s }) : translate(lang, 'stats.seconds', { s });
}
