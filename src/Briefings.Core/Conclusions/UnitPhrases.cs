namespace Briefings.Core.Conclusions;

/// <summary>
/// Finds where a unit name written in running text starts and ends: "Giao [Phòng TC-KH huyện] nghiên cứu",
/// "phối hợp với [MTTQ], [các đoàn thể chính trị - xã hội huyện] tổ chức".
/// <para>A unit phrase ends at punctuation, at a verb ("nghiên cứu", "rà soát", "chủ trì", "có", ...), or
/// where a place ends ("... huyện", "... Huyện ủy", "xã An Lạc") and a lower-case word follows. The verb list
/// is never complete, which is why the place rule exists. Verbs that are also parts of names ("Ban Tổ chức",
/// "Ban chỉ đạo", "Ủy ban Kiểm tra", "các tổ chức đoàn thể") do not end the phrase right after "Ban",
/// "Phòng", "các", ...; and only lower-case words are verbs, so "Thanh tra huyện" stays a name.</para>
/// <para>A comma or "và" followed by the start of another unit separates two units of one list.</para>
/// </summary>
internal static class UnitPhrases
{
    // "Hiệu trưởng các trường mầm non, tiểu học và trung học cơ sở trên địa bàn xã" is 17 words.
    private const int MaxWords = 20;

    private static readonly string[][] Stops =
    [
        .. new[]
        {
            "co", "phai", "can", "se", "de", "nham", "mo", "ra", "lap", "gui", "trong", "truoc", "khi",
            "sau khi", "nghien cuu", "ra soat", "kiem tra", "ban hanh", "chi dao", "xem xet", "to chuc", "xay dung",
            "tham muu", "de ra", "quan tam", "tiep tuc", "chu tri", "phoi hop", "thuc hien", "trien khai", "bao cao",
            "tong hop", "huong dan", "giai quyet", "tra loi", "cung cap", "bo tri", "ho tro", "tang cuong", "day manh",
            "doi moi", "theo doi", "van dong", "tuyen truyen", "de xuat", "phan cong", "sap xep", "khan truong",
            "chu dong", "tich cuc", "nghiem tuc", "hoan thanh", "hoan thien", "chuan bi", "dam bao", "bao dam",
            "rut kinh nghiem", "tap trung", "quan ly", "giam sat", "thong bao", "thong tin", "dieu chinh", "tiep nhan",
            "xu ly", "lanh dao", "thanh lap", "kien toan", "ket hop", "luu y", "khao sat", "danh gia", "thong ke",
            "cung co", "nhan rong", "duy tri", "phat huy", "don doc", "tu van", "gioi thieu", "lam viec", "phan bo",
            "can doi", "bo sung", "sua doi", "sua chua", "cap nhat", "tham gia", "tiep thu", "lien he", "xac minh",
            "phan hoi", "chiu trach nhiem", "thuong xuyen", "kip thoi", "hang nam", "dinh ky", "tham dinh", "hang ngay", "hang tuan",
            "hang thang", "hang quy",
            "nang cap", "mo rong", "hoc tap", "quan triet", "kiem dem", "huy dong", "ra quan", "lua chon", "cung ung",
            "hoan chinh", "dinh huong", "kiem soat", "tiem phong", "doi thoai", "nam tinh hinh", "nam bat", "ung ho",
            "san sang", "day nhanh", "phan dau", "nghiem thu", "so hoa", "dang ky", "hoan tat", "chiu", "trinh",
            "khac phuc", "trao", "vao cuoc", "cho y kien", "yeu cau", "de nghi", "co y kien", "ket luan", "tham du",
            "dua", "tuan tra", "tham tra", "nang cao", "phu trach", "dam nhan", "dieu tra", "tap huan", "phat dong", "cham lo",
            "van hanh", "lam ro", "giup", "kiem diem", "khen thuong", "phan loai", "thu gom", "so ket", "tong ket", "giai ngan",
            "thu hoi", "cham soc", "ung pho", "di doi", "so tan", "tao dieu kien", "niem yet", "pho bien", "lam tot",
            "bam sat", "cong khai", "chan chinh", "thuong luong", "ngan chan", "phat hien", "du tru", "nam chac", "nam vung", "tham hoi", "tang qua",
            // Openers and manners before the verb (reader-fix7): "các chi bộ | tiến hành rà soát", "Chủ tịch UBND các xã … | trực
            // tiếp chỉ đạo", "Các tổ chức thành viên | căn cứ chương trình …", "Phòng … | tạm dừng", "| tổng kiểm tra", "| đăng tải".
            "tien hanh", "truc tiep", "can cu", "tam dung", "tong kiem tra", "dang tai", "dinh chi",
        }.Select(s => s.Split(' ')),
    ];

    // Verbs by their first word, so that testing a word costs a dictionary look-up, not a pass over the list.
    private static readonly Dictionary<string, string[][]> StopsByFirst =
        Stops.GroupBy(s => s[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    // Nouns that begin like a verb: "cơ sở" is not "có", "cán bộ" is not "cần".
    private static readonly string[][] NotStops = [["co", "so"], ["co", "quan"], ["can", "bo"]];

    // A verb right after one of these words is part of a name: "Ban Tổ chức", "Ban chỉ đạo", "Ủy ban Kiểm
    // tra", "Trung tâm giáo dục thường xuyên", "các tổ chức đoàn thể", "Sở Xây dựng".
    private static readonly HashSet<string> NameHeads = ["ban", "phong", "tam", "cac", "so", "cuc", "vien", "duc", "nhung"];

    // Words that may start the next unit of a list after "và": "Phòng TC-KH và UBND xã An Lạc", but not
    // the "và" inside "Phòng Văn hóa và Thông tin" or "Lao động - Thương binh và Xã hội".
    private static readonly HashSet<string> ListHeads =
        ["ubnd", "mttq", "ubmttq", "ubmttqvn", "phong", "ban", "hoi", "doan", "ldld", "hnd", "cac", "btchu", "bdvhu", "vphu"];

    private static readonly string[][] ListHeadPairs =
    [
        .. new[]
        {
            "uy ban", "lien doan", "trung tam", "van phong", "cong an", "chi cuc", "thuong truc", "cap uy",
            "chinh quyen", "mat tran", "ngan hang", "kho bac", "benh vien", "huyen uy", "tinh uy", "dang uy", "huyen doan",
            "chu tich", "thu truong", "bi thu", "cap uy", "chi bo", "so", "chu nhiem", "truong ban", "truong phong", "to truong",
            "cong doan", "lien minh", "luc luong", "pho chu tich", "pho bi thu", "pho giam doc", "pho truong", "bao va",
        }.Select(s => s.Split(' ')),
    ];

    private static readonly string[][] SchoolLevels =
        [["mam", "non"], ["tieu", "hoc"], ["trung", "hoc"], ["cao", "dang"], ["dai", "hoc"], ["trung", "cap"]];

    private static readonly HashSet<string> Places = ["huyen", "tinh", "xa", "phuong", "ap", "tran", "thon"];

    // Lower-case words that continue a name after a place: "Đảng ủy các xã", "Đảng ủy xã An Lạc".
    private static readonly HashSet<string> PlaceContinuations = ["cac", "xa", "huyen", "tinh", "thi", "phuong", "uy", "va"];

    /// <summary>Lower-case words that may open a unit phrase: "các đơn vị", "mỗi đoàn thể", "đồng chí Chủ tịch".</summary>
    private static readonly HashSet<string> LowerCaseOpeners = ["cac", "moi", "tung", "dong", "d/c", "chinh", "cap"];

    // Words that begin a unit's name or a position, alone or as the first of two: what a clause that assigns
    // without an opening verb starts with ("Sở Tài chính chủ động ...", "Trưởng các thôn ...").
    private static readonly HashSet<string> Heads =
    [
        "phong", "so", "ban", "ubnd", "hdnd", "ubmttq", "ubmttqvn", "mttq", "ldld", "hoi", "doan", "tram", "truong", "cuc", "thue",
        "cac", "moi", "tung", "hnd", "hlhpn", "hccb", "btchu", "bdvhu", "btghu", "vphu", "ubkt", "ubkthu", "d/c", "dtn",
    ];

    private static readonly string[][] HeadPairs =
    [
        .. new[]
        {
            "van phong", "cong an", "cong ty", "cong doan", "chi cuc", "chi bo", "chi nhanh", "chi hoi", "chi doan", "huyen uy",
            "huyen doan", "tinh uy", "tinh doan", "thanh tra", "kho bac", "trung tam", "thuong truc", "chu tich", "bi thu",
            "thu truong", "hieu truong", "giam doc", "dong chi", "cap uy", "lien doan", "dai truyen", "dai phat", "benh vien",
            "hop tac", "ngan hang", "bao hiem", "uy ban", "bo phan", "bo chi", "chinh quyen", "mat tran", "toa an", "vien kiem",
            "dang uy", "dang bo", "dang doan", "chu nhiem", "to truong", "lien minh", "luc luong", "bao va", "pho chu tich", "pho bi thu",
            "pho giam doc", "pho truong", "pho chanh", "doi", "to", "chi uy",
        }.Select(s => s.Split(' ')),
    ];

    // Lower-case heads of an addressee: "yêu cầu thủ trưởng các phòng, ban và chủ tịch UBND các xã",
    // "đề nghị cấp ủy các ấp, chi bộ trường học".
    private static readonly string[][] LowerCaseHeads =
    [
        .. new[]
        {
            "cac", "moi", "tung", "dong chi", "d/c", "chinh quyen", "cap uy", "chu tich", "thu truong", "bi thu", "chi bo",
            "truong", "hieu truong", "giam doc", "tram", "bo phan", "ban", "phong", "chu nhiem", "truong ban", "truong phong",
            "to truong", "cong doan", "chi hoi", "chi doan", "chi hoi truong", "pho chu tich", "pho bi thu", "pho giam doc", "hoi co so",
            "co so hoi", "co so doan", "y te thon", "chi uy",
        }.Select(s => s.Split(' ')),
    ];

    // The word lists by their first word, so that testing a token costs a dictionary look-up, not a pass over a list
    // (these run for nearly every token).
    private static Dictionary<string, string[][]> ByFirst(string[][] phrases) =>
        phrases.GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly Dictionary<string, string[][]> HeadPairsByFirst = ByFirst(HeadPairs);
    private static readonly Dictionary<string, string[][]> LowerCaseHeadsByFirst = ByFirst(LowerCaseHeads);
    private static readonly Dictionary<string, string[][]> ListHeadPairsByFirst = ByFirst(ListHeadPairs);

    private static bool AnyAt(Dictionary<string, string[][]> byFirst, IReadOnlyList<Token> t, int j, int minWords = 1)
    {
        if (j >= t.Count || !byFirst.TryGetValue(t[j].Folded, out var phrases))
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            if (phrase.Length >= minWords && Matches(t, j, phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a unit phrase can begin at token <paramref name="j"/>.</summary>
    public static bool CanOpen(IReadOnlyList<Token> t, int j) =>
        j < t.Count && t[j].IsWord && !IsStop(t, j) && !Matches(t, j, "truong", "hop") &&
        (t[j].IsCapitalized || LowerCaseOpeners.Contains(t[j].Folded) || AnyAt(LowerCaseHeadsByFirst, t, j) || IsHonorificBeforeName(t, j));

    // "giao chị Lục Thị Hoa, cán bộ chuyên trách, …": "chị", "anh", "ông", "bà" before a capitalized name open a person.
    private static bool IsHonorificBeforeName(IReadOnlyList<Token> t, int j) =>
        j + 1 < t.Count && t[j + 1].IsCapitalized && (t[j].IsExactly("chị") || t[j].IsExactly("anh") || t[j].IsExactly("ông") || t[j].IsExactly("bà"));

    // Capitalized words that begin like a unit but name a meeting or a hall: "Hội nghị", "Hội thảo", "Hội trường".
    private static readonly string[][] NotUnits = [["hoi", "nghi"], ["hoi", "thao"], ["hoi", "thi"], ["hoi", "truong"], ["hoi", "dien"], ["so", "lieu"],
        ["to", "chuc"], ["doi", "ngu"], ["doi", "moi"], ["doi", "voi"], ["to", "cao"], ["truong", "hop"]];

    /// <summary>Whether a unit's name or a position starts at token <paramref name="j"/>: "Sở ...", "Công an ...",
    /// "Trưởng các thôn", "các hợp tác xã", "chủ tịch UBND các xã".</summary>
    public static bool StartsUnit(IReadOnlyList<Token> t, int j) =>
        j < t.Count && t[j].IsWord && !IsStop(t, j) && !NotUnits.Any(n => Matches(t, j, n)) && !IsCollectiveOfThings(t, j) &&
        (t[j].IsCapitalized ? Heads.Contains(t[j].Folded) || AnyAt(HeadPairsByFirst, t, j) : AnyAt(LowerCaseHeadsByFirst, t, j));

    // "các chỉ tiêu kinh tế - xã hội", "các giải pháp", "các công trình": many things, not many units.
    private static readonly string[][] Things =
    [
        .. new[]
        {
            "chi tieu", "giai phap", "hoat dong", "cong trinh", "du an", "truong hop", "chuong trinh", "ke hoach", "van ban",
            "thu tuc", "ho so", "chinh sach", "muc tieu", "tieu chi", "khoan", "diem", "tuyen",
        }.Select(s => s.Split(' ')),
    ];

    private static bool IsCollectiveOfThings(IReadOnlyList<Token> t, int j) =>
        t[j].Folded is "cac" or "nhung" && Things.Any(thing => Matches(t, j + 1, thing));

    /// <summary>Reads one or more unit phrases from <paramref name="start"/>, not past <paramref name="bound"/>.
    /// Returns each phrase as a token range and the token where reading stopped.</summary>
    public static (List<(int First, int End)> Units, int Stop) Scan(IReadOnlyList<Token> t, int start, int bound)
    {
        var units = new List<(int First, int End)>();
        if (start >= bound || !t[start].IsWord || IsStop(t, start))
        {
            return (units, start);
        }

        var first = start;
        var words = 0;
        var j = start;
        while (j < bound)
        {
            var tok = t[j];
            if (tok.Kind == TokenKind.LineBreak)
            {
                break;
            }

            if (tok.Kind == TokenKind.Punctuation)
            {
                if ((tok.IsMark('-') || tok.IsMark('–')) && j > first)
                {
                    j++;
                    continue;
                }

                // "các phòng, ban", "UBND các xã, phường", "Sở Văn hóa, Thể thao và Du lịch": one phrase.
                if (tok.IsMark(',') && ContinuesName(t, j, first, bound))
                {
                    j++;
                    continue;
                }

                if (tok.IsMark(',') && StartsListItem(t, j + 1, bound))
                {
                    Close(units, t, first, j);
                    first = ++j;
                    words = 0;
                    continue;
                }

                break;
            }

            if (j > first)
            {
                if (tok.Is("va") && j + 1 < bound && IsListHead(t, j + 1) && !IsOfficeOfCouncilAndCommittee(t, first, j) && !IsSameKindAgain(t, first, j))
                {
                    Close(units, t, first, j);
                    first = ++j;
                    words = 0;
                    continue;
                }

                // "Ban Thường vụ giao Đảng đoàn ...": "giao" (assign) ends the phrase; "giao thông", "giáo dục" do not.
                if (IsAssign(t, j))
                {
                    break;
                }

                // "UBND các xã, phường có điểm thi | phối hợp": a qualifier of a collective phrase, up to the verb after it.
                if (QualifierEnd(t, first, j, bound) is var qualified and > 0)
                {
                    j = qualified;
                    break;
                }

                // "các đơn vị chủ trì báo cáo …": the lead units of the tasks, then their verb.
                if (Matches(t, j, "chu", "tri") && j >= 2 && Matches(t, j - 2, "don", "vi") && j + 2 < bound && IsStop(t, j + 2))
                {
                    j += 2;
                    break;
                }

                // "Phòng Nghiệp vụ Y theo chức năng, nhiệm vụ thực hiện …": the manner before the verb ends the name.
                if (Matches(t, j, "theo", "chuc", "nang") || Matches(t, j, "theo", "linh", "vuc") || Matches(t, j, "theo", "tham", "quyen") ||
                    Matches(t, j, "theo", "phan", "cong") || Matches(t, j, "theo", "phan", "cap"))
                {
                    break;
                }

                // "Thủ trưởng các đơn vị trực thuộc Sở chỉ đạo …": the name ends with what it belongs to.
                if (IsStop(t, j) && j >= 3 && Matches(t, j - 3, "truc", "thuoc") && t[j - 1].IsCapitalized)
                {
                    break;
                }

                if ((IsStop(t, j) && !IsNameHead(t, j - 1) && !(j >= 2 && Matches(t, j - 2, "dau", "tu", "xay", "dung")) && !IsNounWithTrinh(t, j)) || IsPastOrOngoing(t, j) || EndsPlace(t, first, j) ||
                    words >= MaxWords)
                {
                    break;
                }
            }

            words++;
            j++;
        }

        Close(units, t, first, j);
        return (units, j);
    }

    // What "có" opens that is the unit's own verb: "các xã có trách nhiệm", "có kế hoạch", "có văn bản", "có ý kiến".
    private static readonly HashSet<string> HaveVerbObjects =
        ["trach", "ke", "van", "y", "bien", "phuong", "bao", "huong", "giai", "nhiem", "cong", "to", "thong", "the", "chuong", "lo", "quyet", "su", "tham", "danh"];

    /// <summary>Where "có …" ends when it qualifies a collective phrase ("các xã, phường có điểm thi", "các hộ có
    /// nhà ven sông"): at most four lower-case words, then a verb; 0 when it is no such qualifier.</summary>
    private static int QualifierEnd(IReadOnlyList<Token> t, int first, int j, int bound)
    {
        if (!t[j].Is("co") || !t[j].IsExactly("có") || j + 1 >= bound || !t[j + 1].IsLowerCase || HaveVerbObjects.Contains(t[j + 1].Folded) ||
            !IsPlace(t, j - 1) && !t[j - 1].Is("ho"))
        {
            return 0;
        }

        var collective = false;
        for (var k = first; k < j && !collective; k++)
        {
            collective = t[k].Folded is "cac" or "moi" or "nhung";
        }

        for (var k = j + 2; collective && k < Math.Min(bound, j + 6); k++)
        {
            if (!t[k].IsLowerCase)
            {
                return 0;
            }

            if (IsStop(t, k))
            {
                return k;
            }
        }

        return 0;
    }

    // "thị trấn" is a place; "Mặt trận" and "nông thôn (mới)" are not.
    private static bool IsPlace(IReadOnlyList<Token> t, int k) =>
        t[k].IsLowerCase && Places.Contains(t[k].Folded) && (!t[k].Is("tran") || t[k].IsExactly("trấn")) && !(t[k].Is("thon") && k >= 1 && t[k - 1].Is("nong"));

    private static bool IsAssign(IReadOnlyList<Token> t, int j) =>
        t[j].Folded == "giao" && t[j].IsLowerCase && t[j].IsExactly("giao") && !(j + 1 < t.Count && t[j + 1].IsWord && t[j + 1].Folded is "thong" or "luu" or "dich" or "nhan" or "ban" or "tiep" or "thua" or "khoan" or "lien");

    /// <summary>Whether a verb (lower case) starts at token <paramref name="j"/>.</summary>
    /// <summary>Every word of the verb is in lower case: "cơ sở Hòa Mỹ" holds no "số hóa".</summary>
    public static bool IsStop(IReadOnlyList<Token> t, int j) =>
        t[j].IsLowerCase && StopsByFirst.TryGetValue(t[j].Folded, out var stops) && !NotStops.Any(noun => Matches(t, j, noun)) &&
        stops.Any(stop => Matches(t, j, stop) && (stop.Length == 1 || t[j + stop.Length - 1].IsLowerCase)) && !IsPartOfName(t, j) &&
        !(Matches(t, j, "cung", "cap") && t[j].IsExactly("cùng"));

    // Verbs inside well-known names: "Văn phòng đăng ký đất đai", "Ban Chỉ đạo xây dựng nông thôn mới" (the program
    // a steering committee is named after).
    private static bool IsPartOfName(IReadOnlyList<Token> t, int j) =>
        (Matches(t, j, "dang", "ky", "dat", "dai") && j >= 1 && t[j - 1].Is("phong")) ||
        // "Phòng Công nghệ thông tin", "Trung tâm Công nghệ thông tin và Truyền thông tỉnh": "công nghệ thông tin" is one noun.
        (Matches(t, j, "thong", "tin") && j >= 2 && Matches(t, j - 2, "cong", "nghe")) ||
        // "Trung tâm Dịch vụ tổng hợp xã".
        (Matches(t, j, "tong", "hop") && j >= 2 && Matches(t, j - 2, "dich", "vu")) ||
        (j >= 3 && Matches(t, j - 3, "ban", "chi", "dao") && t[j - 3].IsCapitalized &&
         t[j].Folded is "xay" or "thuc" or "phat" or "chuyen" or "cai" or "giam" or "tong");

    // "Ban chỉ đạo", "các tổ chức": a verb after these is part of a name; but not after "địa bàn" or "cơ sở"
    // ("các tổ hòa giải ở cơ sở | nắm tình hình"). "Ban Quản lý dự án đầu tư xây dựng": "xây dựng" after "đầu tư"
    // is part of the name too (tested where Scan calls this).
    // "Văn phòng theo dõi", "các thôn, bản rà soát": after "Văn phòng" or a kind listed after a comma the verb is a verb.
    // "Trung tâm Giáo dục thường xuyên": after "giáo dục" only "thường xuyên" is part of a name ("Phòng Giáo dục | tổng hợp").
    // "Tổ công tác", "Tổ giúp việc", "Tổ kiểm tra liên ngành": a capitalized "Tổ" names its work ("các tổ | rà soát" does not).
    private static bool IsNameHead(IReadOnlyList<Token> t, int k) =>
        (NameHeads.Contains(t[k].Folded) || (t[k].Is("to") && t[k].IsCapitalized)) && !(t[k].Is("duc") && !Matches(t, k + 1, "thuong", "xuyen")) && !(k > 0 && (t[k - 1].Is("dia") || (t[k].Is("so") && t[k - 1].Is("co")) ||
            (t[k].Is("phong") && t[k - 1].Is("van")) || (t[k].IsLowerCase && t[k - 1].IsMark(',')) ||
            // "Văn phòng Sở | tham mưu", "Giám đốc Sở | chỉ đạo", "Thanh tra Sở": "Sở" closing an office's or a position's name is
            // the department itself (its own name is capitalized: "Sở Xây dựng"), so a lower-case verb after it is a verb.
            (t[k].Is("so") && t[k].IsCapitalized && t[k - 1].Folded is "phong" or "doc" or "tra") ||
            // "Viện Kiểm sát" is capitalized; "các tổ chức thành viên | căn cứ …" is the members, then a verb.
            (t[k].Is("vien") && t[k].IsLowerCase)));

    // "công trình", "chương trình", "quy trình", "lộ trình": nouns, not the verb "trình" (submit).
    private static bool IsNounWithTrinh(IReadOnlyList<Token> t, int j) =>
        t[j].Is("trinh") && j >= 1 && t[j - 1].IsWord && t[j - 1].Folded is "cong" or "chuong" or "quy" or "lo";

    /// <summary>"đã", "đang": what a unit did or is doing ends its phrase ("các chủ đầu tư | đã tập trung"); such a
    /// sentence reports, it does not assign. Compared with diacritics: "Đà", "da" are other words.</summary>
    public static bool IsPastOrOngoing(IReadOnlyList<Token> t, int j) =>
        j < t.Count && t[j].IsLowerCase && (t[j].IsExactly("đã") || t[j].IsExactly("đang"));

    // "Văn phòng HĐND và UBND huyện" is one office, not the office of the council and the committee.
    private static bool IsOfficeOfCouncilAndCommittee(IReadOnlyList<Token> t, int first, int j) =>
        Matches(t, first, "van", "phong") && j - 1 > first && t[j - 1].Folded is "hdnd" or "dan" && t[j + 1].Folded is "ubnd" or "uy";

    // "Ban Thường vụ các Đoàn xã, phường và Đoàn trực thuộc": "và" then the kind named after "các" again is one body over
    // both, not a second unit.
    private static bool IsSameKindAgain(IReadOnlyList<Token> t, int first, int va)
    {
        for (var c = first; c < va - 1; c++)
        {
            if (t[c].Is("cac") && t[c].IsLowerCase && t[c + 1].IsWord && va + 1 < t.Count && t[va + 1].Folded == t[c + 1].Folded && !t[c + 1].Is("xa"))
            {
                return true;
            }
        }

        return false;
    }

    // A comma inside a name: a lower-case kind after a kind ("các phòng, ban", "các xã, phường"), or a capitalized
    // word that starts no unit after a department's name ("Sở Văn hóa, Thể thao và Du lịch").
    private static bool ContinuesName(IReadOnlyList<Token> t, int comma, int first, int bound)
    {
        var next = comma + 1;
        if (next >= bound || !t[next].IsWord || comma == first)
        {
            return false;
        }

        var prev = t[comma - 1];
        // "Báo và Phát thanh, Truyền hình …", "Tổ bảo vệ an ninh, trật tự": names that hold a comma.
        if ((comma >= 2 && Matches(t, comma - 2, "phat", "thanh") && Matches(t, next, "truyen", "hinh")) ||
            (comma >= 2 && Matches(t, comma - 2, "an", "ninh") && Matches(t, next, "trat", "tu")))
        {
            return true;
        }

        // "các chi hội Đồng Tâm, Đồng Tiến", "Trưởng các ấp Phú Hòa, Phú Thạnh": one body over a list of places.
        if (prev.IsCapitalized && t[next].IsCapitalized && IsPlaceNameList(t, comma, first))
        {
            return true;
        }

        if (t[next].IsLowerCase)
        {
            // "các thôn, tổ dân phố", "các ấp, tổ", "các ấp, khu dân cư": the kinds of a village's parts; "các cơ quan, đơn
            // vị": the offices and units.
            if (prev.Folded is "thon" or "ap" or "xom" or "pho" && (Matches(t, next, "to", "dan", "pho") || Matches(t, next, "khu", "dan", "cu") ||
                    Matches(t, next, "khu", "pho") || t[next].Folded is "ap" or "xom" or "thon" or "ban" or "buon" or "lang") ||
                (prev.Is("quan") && comma >= 2 && t[comma - 2].Is("co") && Matches(t, next, "don", "vi")))
            {
                return true;
            }

            // "các trường mầm non, tiểu học, trung học cơ sở", "các trường đại học, cao đẳng": the levels of schools.
            if (prev.Folded is "non" or "hoc" or "dang" or "so" or "cap" && SchoolLevels.Any(level => Matches(t, next, level)))
            {
                return true;
            }

            // "Ban Chỉ huy phòng, chống thiên tai …", "các cơ sở khám bệnh, chữa bệnh": one activity written with a comma.
            // (Not a lower-case "phòng" alone: ", phòng, chống đuối nước" is a task.)
            if ((prev.Is("phong") && t[next].Is("chong") && comma - 1 > first) || (prev.Is("benh") && Matches(t, next, "chua", "benh")))
            {
                return true;
            }

            // "các sở, ngành, chủ đầu tư": the investors of the projects beside the departments.
            if (prev.Folded is "nganh" or "so" && Matches(t, next, "chu", "dau", "tu"))
            {
                return true;
            }

            return prev.Folded is "xa" or "phuong" or "phong" or "ban" or "nganh" or "huyen" or "so" &&
                (t[next].Folded is "phuong" or "ban" or "nganh" or "xa" or "thi" or "dac" or "doan" || Matches(t, next, "thanh", "pho")) &&
                !Matches(t, next, "xa", "hoi") &&
                (next + 1 >= bound || !t[next + 1].IsCapitalized);
        }

        return (t[first].Folded is "so" or "phong" or "bo" || Matches(t, first, "trung", "tam")) && prev.IsWord && comma - first <= 4 && !Heads.Contains(t[next].Folded) &&
            !AnyAt(HeadPairsByFirst, t, next) && !AnyAt(ListHeadPairsByFirst, t, next);
    }

    // The proper name before the comma follows a lower-case kind of place ("ấp", "thôn", "chi hội") of a collective phrase
    // ("các …"), and the name after it is a proper name too that starts no unit.
    private static bool IsPlaceNameList(IReadOnlyList<Token> t, int comma, int first)
    {
        var k = comma - 1;
        while (k > first && (t[k].IsCapitalized || t[k].IsMark(',')))
        {
            k--;
        }

        if (k == comma - 1 || !t[k].IsLowerCase || t[k].Folded is not ("ap" or "thon" or "hoi" or "ban" or "xom" or "to" or "bo" or "lang" or "buon" or "pho" or "xa" or "phuong"))
        {
            return false;
        }

        var collective = false;
        for (var c = first; c < k && !collective; c++)
        {
            collective = t[c].Is("cac") && t[c].IsLowerCase;
        }

        var next = comma + 1;
        // "UBND các xã Na Hang, Khuổi Sáp, Bản Lìm": "Bản" (a village) folds like "Ban" but is a place's name.
        var village = t[next].Is("ban") && !t[next].IsExactly("Ban") && !t[next].IsExactly("ban") && next + 1 < t.Count && t[next + 1].IsCapitalized;
        return collective && (village || (!Heads.Contains(t[next].Folded) && !AnyAt(HeadPairsByFirst, t, next) && !AnyAt(ListHeadPairsByFirst, t, next))) &&
            !Places.Contains(t[next].Folded);
    }

    /// <summary>Whether the folded words at <paramref name="j"/> are <paramref name="words"/>.</summary>
    public static bool Matches(IReadOnlyList<Token> t, int j, params string[] words)
    {
        if (j + words.Length > t.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!t[j + k].Is(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsListItem(IReadOnlyList<Token> t, int j, int bound) =>
        j < bound && t[j].IsWord && !IsStop(t, j) &&
        (t[j].IsCapitalized || t[j].Folded is "cac" or "moi" or "tung" || (t[j].Folded is "xa" or "huyen" && !Matches(t, j, "xa", "hoi")) ||
         AnyAt(LowerCaseHeadsByFirst, t, j, minWords: 2));

    private static bool IsListHead(IReadOnlyList<Token> t, int j) =>
        t[j].IsWord && !IsStop(t, j) &&
        (ListHeads.Contains(t[j].Folded) ||
         // "… các hợp tác xã và Trưởng các ấp": a position in capitals opens the next member.
         (t[j].Is("truong") && t[j].IsCapitalized && !Matches(t, j, "truong", "hop")) ||
         AnyAt(ListHeadPairsByFirst, t, j) ||
         (t[j].Is("xa") && j + 1 < t.Count && t[j + 1].IsCapitalized && !t[j + 1].Is("hoi")));

    // A lower-case word after a completed place ends the phrase: "Hội Nông dân huyện | tổ chức",
    // "Ban Dân vận Huyện ủy | hướng dẫn", "UBND xã Phú Mỹ | khảo sát".
    public static bool EndsPlace(IReadOnlyList<Token> t, int first, int j)
    {
        var cur = t[j];
        var prev = t[j - 1];
        // "Các đảng ủy trực thuộc Tỉnh ủy", "các đơn vị trực thuộc huyện": "trực thuộc" goes on with the name.
        if (!cur.IsLowerCase || PlaceContinuations.Contains(cur.Folded) || !prev.IsWord || Matches(t, j, "truc", "thuoc"))
        {
            return false;
        }

        if (IsPlace(t, j - 1))
        {
            // "Trưởng các thôn ven sông", "UBND các xã ven biển", "các xã biên giới": where those places lie.
            if (cur.Folded is "ven" or "bien" && j + 1 < t.Count && t[j + 1].IsLowerCase && t[j + 1].Folded is "song" or "bien" or "gioi" or "suoi" or "de" or "kenh")
            {
                return false;
            }

            // "xã hội" is society, "hợp tác xã nông nghiệp" a cooperative.
            return !(prev.Is("xa") && (cur.Is("hoi") || (j >= 2 && t[j - 2].Is("tac"))));
        }

        if (prev.Is("uy") && j - 2 >= first && t[j - 2].Folded is "huyen" or "tinh" or "dang")
        {
            return true;
        }

        // Walk back over a capitalized proper name; a lower-case place word before it means "xã An Lạc".
        var k = j - 1;
        while (k >= first && t[k].IsCapitalized)
        {
            k--;
        }

        return k < j - 1 && k >= first && IsPlace(t, k);
    }

    private static void Close(List<(int First, int End)> units, IReadOnlyList<Token> t, int first, int end)
    {
        // Drop a dangling "và" or dash left where the phrase was cut.
        while (end > first && (t[end - 1].Is("va") || t[end - 1].Kind == TokenKind.Punctuation))
        {
            end--;
        }

        if (end > first)
        {
            units.Add((first, end));
        }
    }
}
