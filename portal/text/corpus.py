"""The labelled training corpus, written by us: for each category, the problems people raise, said the
way they say them on the web form, in a text message, to the 1022 hotline, in a letter and in dialogue
minutes, in the words of the North, the Centre and the South, with and without diacritics. Each problem
is labelled urgent or not: urgent when it reports an immediate danger to life, health, safety or property
(a tree on a live wire, a collapsing bridge, a fire, food poisoning, a fight in progress), not urgent when
the damage is old, slow or harmless (a pothole for months, a street light out, noise, a late payment).
Beside them, portal/text/data/written_petitions*.csv: whole petitions written by hand by other engineers (one
file per writer, none of whom read this file or each other's rows), each its own problem. `build_corpus` combines them deterministically; `flask classifier corpus` writes
portal/text/data/training.csv."""
import csv
import random
from pathlib import Path

from portal.text.normalize import strip_accents

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "training.csv"
WRITTEN_PATHS = sorted((Path(__file__).resolve().parent / "data").glob("written_petitions*.csv"))


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


# What is wrong, in the words people use, without immediate danger. Each category has problems only it covers.
PROBLEMS = {
    "an-ninh-trat-tu": _lines("""
        thanh niên tụ tập đua xe, rú ga vào ban đêm
        nhiều vụ trộm xe máy xảy ra trong khu phố
        nhóm người tụ tập đánh bạc ở bãi đất trống
        có đối tượng nghi sử dụng ma túy trong nhà hoang
        bị lừa đảo qua điện thoại mất tiền tiết kiệm
        người lạ dán quảng cáo cho vay nặng lãi khắp nơi
        đối tượng đòi nợ thuê ném chất bẩn vào nhà dân
        trộm cắp tài sản ở chợ đêm
        tiếng nổ pháo lớn trong khu dân cư lúc nửa đêm
        tụ điểm cá độ bóng đá hoạt động công khai
        người say rượu hay chửi bới, gây gổ với hàng xóm
        nhà tôi bị trộm đột nhập lấy mất tiền vàng tuần trước
        bị kẻ gian giật điện thoại khi đi trên đường
        nhóm thanh niên lạ mặt tụ tập hút bóng cười trong công viên
        nhà nghỉ trong hẻm có dấu hiệu hoạt động mại dâm
        bị lừa mua hàng qua mạng, chuyển tiền rồi không nhận được hàng
        có người giả danh công an gọi điện đòi chuyển tiền
        xe máy để trước cửa nhà bị mất trộm giữa ban ngày
        trộm chó bằng súng điện hoạt động ở các thôn
        người nghiện tụ tập tiêm chích ở gầm cầu, vứt kim tiêm bừa bãi
        nhóm cho vay nặng lãi đe dọa gia đình người vay
        quán bar mở nhạc và hoạt động quá giờ, khách say xỉn gây rối
        nhà bên cạnh cho thuê trọ không khai báo tạm trú
        nhận tin nhắn lừa trúng thưởng, yêu cầu nộp phí nhận quà
        đối tượng lạ lảng vảng trước cổng trường dụ dỗ học sinh
        tài khoản mạng xã hội bị chiếm đoạt, kẻ gian nhắn tin vay tiền bạn bè
        sòng bạc hoạt động trong vườn cao su, người ra vào tấp nập
        xe không biển số chạy lòng vòng trong xóm ban đêm
        người bán hàng rong bị nhóm bảo kê thu tiền
        trộm cắp vặt xảy ra liên tục ở khu trọ công nhân
        nhóm thanh niên tụ tập chửi thề, gây ồn ào trong hẻm
        bị đánh cắp thông tin thẻ ngân hàng, tiền trong tài khoản bị rút
        mua bán pháo nổ công khai trên mạng trước Tết
        đối tượng lừa đảo tuyển dụng việc nhẹ lương cao
        trộm cắp cây cảnh, chậu hoa trước cửa nhà
        bảo kê bến xe ép tài xế nộp tiền
        người ngoài đến đòi nợ, sơn chữ lên tường nhà tôi
        hàng xóm chửi bới, xúc phạm gia đình tôi nhiều lần
        kẻ gian cạy cửa kho của cửa hàng lấy hàng
        dự án đa cấp lôi kéo người già góp tiền
        camera an ninh của xóm bị kẻ gian đập phá
        xin lắp thêm camera an ninh ở các ngã ba trong thôn
        người nước ngoài cư trú trái phép trong khu nhà thuê
        nhóm người dùng loa phát thanh tự chế quấy rối ban đêm
        lừa đảo bán đất nền ảo thu tiền cọc của nhiều người
        tình trạng say rượu lái xe gây mất an toàn trong thôn
        trộm dây điện và cáp đồng trên các trụ điện
        người dân bị quấy rối qua điện thoại liên tục
        có người tàng trữ và bán ma túy trong quán cà phê
        trộm cắp tài sản trong chùa và nhà thờ
        tối nào cũng có đám thanh niên nẹt pô ngoài đầu hẻm
        nhà tôi mất con chó mấy hôm trước, nghi bị trộm
        có người lạ hay đứng nhìn vào nhà, rất đáng ngờ
        xóm có nhà chứa đánh đề công khai
        quán net mở thâu đêm, học sinh tụ tập
        có đối tượng lừa bán vé máy bay giá rẻ trên mạng
        kẻ xấu gửi tin nhắn đe dọa tống tiền
        con nghiện vào trộm đồ trong nhà kho
        tối nào cũng có người tụ tập uống rượu ngoài đường rồi la hét
        bị người ta mượn điện thoại rồi bỏ chạy
        xe đạp điện của con bị mất ở bãi xe trường
        có tiếng đập phá trong căn nhà bỏ hoang ban đêm
        bị lừa đặt cọc thuê nhà trên mạng
        nhóm cho vay trả góp theo ngày đến quấy rối khu chợ
        kẻ gian cắt trộm lưới B40 và song sắt nhà dân
        sau khi báo công an mà vụ trộm vẫn chưa được điều tra
        nhiều nhà trong xóm bị trộm gà vịt ban đêm
        đám thanh niên ném đá vào nhà dân rồi bỏ chạy
        kẻ gian bẻ khóa xe máy trước cửa tiệm
        có người dụ dỗ người già mua thuốc giả qua điện thoại
        tiếng chửi bới đánh nhau ở quán nhậu đầu xóm đêm nào cũng có
        nghi có người tàng trữ vũ khí trong nhà
        nhóm người lạ vào xóm mời chào chơi hụi rồi ôm tiền bỏ trốn
        bị người ta giả làm nhân viên điện lực vào nhà lấy trộm
        người ta bán hàng cấm như pháo và súng đồ chơi trước cổng trường
        nhà nghỉ cho trẻ vị thành niên thuê phòng
        nhóm thanh niên đứng chặn đường trêu ghẹo phụ nữ
        mất trộm đồ trên xe ô tô đậu qua đêm
        hai nhóm thanh niên trong xóm thường xuyên hẹn nhau đánh nhau ở bãi đất trống
        khách hát karaoke say xỉn gây gổ, đập phá bàn ghế giữa đêm
        tối nào cũng có nhóm thanh niên bốc đầu xe trên đường ven biển
        kẻ gian lợi dụng lúc đông người ở lễ hội để móc túi
        nhiều nhà trong khu phố bị trộm bẻ khóa cửa cuốn lấy tài sản
        nhóm đối tượng lập trang mạng xã hội lừa bán hàng rồi chặn liên lạc
        bị lừa nâng cấp sim điện thoại, mất sạch tiền trong tài khoản
        có người giả nhân viên ngân hàng gọi điện đòi cung cấp mã OTP
        người lạ gọi điện giả danh tòa án, dọa bắt nếu không chuyển tiền
        nhóm tín dụng đen dán số điện thoại cho vay lên cột điện, tường nhà
        con nợ bị nhóm đòi nợ thuê chặn đường đe dọa
        tụ điểm đánh bài ăn tiền trong quán cà phê võng
        quán bida trá hình làm sòng bạc
        có dấu hiệu mua bán ma túy trong khu trọ, người lạ ra vào suốt đêm
        trẻ vị thành niên tụ tập hút thuốc lá điện tử có pha chất cấm
        bảo vệ quán bar hành hung khách
        mất trộm bình ắc quy của xe tải đậu ven đường
        kẻ gian trộm tiền trong hòm công đức ở đình làng
        người lạ trộm tôm cá trong đầm nuôi của dân ban đêm
        nhóm người lạ vào thôn giả mua phế liệu để dòm ngó rồi trộm cắp
        tôi bị mất ví và giấy tờ trên xe buýt, nghi bị móc túi
        đối tượng livestream xúc phạm, bôi nhọ danh dự người khác trên mạng
        bị người khác dùng ảnh của mình lập tài khoản giả để vay tiền
        người bán vé số bị đám thanh niên giật tiền
        tiệm cầm đồ nhận cầm xe không giấy tờ, nghi tiêu thụ đồ trộm
        đối tượng chuyên trộm gà đá, đi xe máy không biển số
        nhóm người lạ thường tụ tập uống rượu, tiêm chích trong nghĩa địa
        xin tăng cường tuần tra ban đêm vì trộm cắp nhiều
        công nhân khu công nghiệp hay tụ tập đánh nhau sau giờ tan ca
        đề nghị xử lý việc đốt pháo hoa trái phép trong đám cưới
        có người rải đinh trên đường rồi ngồi vá xe kiếm tiền
        ứng dụng vay tiền online đe dọa, gửi ảnh ghép xúc phạm đến người thân
        băng nhóm đòi tiền bảo kê các quán ăn ven biển
        nhóm thiếu niên chặn đường xin đểu học sinh
        tình trạng câu trộm chó mèo trong xóm vẫn tiếp diễn
        đường dây đánh bạc qua mạng lôi kéo thanh niên trong xóm
        chủ nhà trọ cho người lạ thuê mà không trình báo, nhiều đối tượng khả nghi
        đối tượng đi xe máy áp sát giật dây chuyền của phụ nữ đi tập thể dục
        nhóm lừa đảo giả làm cán bộ điện lực thu tiền lắp công tơ
        hàng xóm đe dọa sẽ đánh con tôi nếu còn đi qua ngõ nhà họ
        tối nào cũng có người lạ đi soi đèn bắt trộm vịt ngoài đồng
        nhà tôi bị kẻ gian đập kính ô tô lấy đồ
        người ta chơi đề, ghi lô công khai ở quán nước đầu chợ
        đối tượng đăng tin tuyển người mẫu nhí để lừa tiền phụ huynh
        em bị bạn trên mạng lừa đầu tư tiền ảo, mất hết tiền tiết kiệm
        ông bà già ở nhà một mình bị kẻ gian giả con cháu gọi điện đòi tiền viện phí
        nhóm thanh niên lạ mặt đến quán bắt chủ quán đưa tiền mới cho bán
        tôi để xe trước tiệm tạp hóa chưa tới năm phút là mất
        có người quay lén phụ nữ trong phòng thay đồ ở hồ bơi
        đêm nào cũng có người lạ đi quanh các nhà trong hẻm thử mở cửa
        xóm tôi bị trộm cắt khóa lấy máy bơm nước ngoài ruộng
        đối tượng đăng bài bán chó giống rồi nhận cọc xong biến mất
        trước cổng chợ có nhóm người bán hàng giả làm hàng từ thiện để xin tiền
        kẻ gian móc túi hành khách trên các chuyến xe khách đường dài
        trộm cắp tài sản của bệnh nhân trong phòng bệnh
        học sinh bị người lạ chặn đường cướp xe đạp trên đường đi học
        trộm đột nhập trạm y tế xã lấy máy tính
        kẻ gian trộm nắp hố ga bằng gang để bán phế liệu
        nhóm đối tượng cắt trộm cáp điện của đèn đường
        có người giả danh cán bộ môi trường đến từng nhà thu tiền phạt
    """),
    "an-sinh-xa-hoi": _lines("""
        gia đình có công với cách mạng chưa được nhận trợ cấp hàng tháng
        mẹ tôi trên 80 tuổi nhưng chưa được hưởng trợ cấp người cao tuổi
        hộ tôi thuộc diện khó khăn nhưng không được xét hộ nghèo
        công ty nợ bảo hiểm xã hội nên tôi không chốt được sổ
        hồ sơ hưởng bảo hiểm thất nghiệp bị chậm chi trả
        doanh nghiệp nợ lương công nhân ba tháng
        người khuyết tật chưa được cấp giấy xác nhận mức độ khuyết tật
        chế độ tử tuất của cha tôi chưa được giải quyết
        công nhân bị cho nghỉ việc mà không được trả trợ cấp
        trẻ em mồ côi chưa được hưởng chính sách bảo trợ xã hội
        tiền hỗ trợ người lao động mất việc chưa được chi
        việc bình xét hộ cận nghèo ở thôn không công khai
        người lao động bị ép ký hợp đồng không đóng bảo hiểm
        chậm giải quyết chế độ hưu trí dù đã đủ tuổi
        tiền lương hưu tháng này chưa về tài khoản
        công ty trừ lương công nhân vô lý, làm thêm giờ không trả tiền
        chủ doanh nghiệp bỏ trốn, công nhân không nhận được lương
        xin xác nhận thương binh cho cha đã mất mà hồ sơ bị thất lạc
        liệt sĩ trong gia đình chưa được cấp bằng Tổ quốc ghi công
        tiền hỗ trợ sau bão lũ chia không đều, nhà có quen biết được nhiều hơn
        xin hỗ trợ làm nhà cho hộ nghèo mà chờ nhiều năm
        người già neo đơn không được nhận quà Tết
        con tôi bị khuyết tật nặng mà trợ cấp bị cắt không rõ lý do
        công ty không trả sổ bảo hiểm xã hội khi tôi nghỉ việc
        không rút được bảo hiểm xã hội một lần vì công ty chưa chốt sổ
        công nhân làm việc trong môi trường độc hại không được phụ cấp
        doanh nghiệp sa thải lao động nữ đang mang thai
        chế độ thai sản chưa được chi trả dù đã nộp hồ sơ
        tiền trợ cấp người có công bị trừ mà không giải thích
        trung tâm giới thiệu việc làm thu phí rồi không giới thiệu được việc
        xuất khẩu lao động bị công ty môi giới lừa thu tiền
        người lao động bị tai nạn lao động mà công ty không bồi thường
        mức lương tối thiểu vùng không được công ty áp dụng
        cựu chiến binh nhiễm chất độc da cam chưa được hưởng chế độ
        gia đình chính sách chưa được hỗ trợ sửa nhà
        hộ thoát nghèo rồi nhưng vẫn có tên trong danh sách được nhận tiền
        người già đơn thân không có ai chăm sóc, xin vào trung tâm bảo trợ
        trợ cấp cho người khuyết tật chi trả chậm hai tháng
        lao động tự do không biết cách tham gia bảo hiểm xã hội tự nguyện
        công ty bắt làm việc mười hai tiếng mỗi ngày, không có ngày nghỉ
        công nhân bị nợ tiền thưởng Tết
        hợp đồng lao động ký toàn tiếng nước ngoài, người lao động không hiểu
        chưa nhận được tiền hỗ trợ tiền thuê nhà cho công nhân
        hồ sơ xin trợ cấp mai táng phí bị trả về
        người nghiện ma túy đã cai muốn được hỗ trợ học nghề
        người lang thang xin ăn ở ngã tư cần được đưa vào trung tâm bảo trợ
        trẻ em bị bỏ rơi cần nơi nuôi dưỡng
        gia đình đông con khó khăn xin được vay vốn ưu đãi
        đề nghị xem xét lại mức trợ cấp hưu trí xã hội quá thấp
        ông nội tôi là thương binh mà tiền trợ cấp mấy tháng chưa nhận
        em bị công ty đuổi việc không báo trước
        xin cho mẹ tôi được nhận trợ cấp vì bà bị liệt
        nhà cháu nghèo lắm mà xã không cho vào danh sách hộ nghèo
        công ty không đóng bảo hiểm cho công nhân mấy năm nay
        tiền bảo hiểm thất nghiệp tháng này chưa nhận được
        chưa được nhận trợ cấp một lần khi nghỉ hưu
        xin hỗ trợ gạo cho các hộ mất mùa
        cháu bé mồ côi cả cha lẫn mẹ đang ở với bà ngoại già yếu
        người khuyết tật đi xe lăn không xin được việc làm
        danh sách nhận hỗ trợ có người đã chết vẫn lĩnh tiền
        tiền lương làm thêm ngày lễ không được tính gấp ba
        công ty bắt công nhân nghỉ không lương kéo dài
        chưa được hưởng chế độ ốm đau dù có giấy nghỉ của bệnh viện
        người có công ở xã được tặng quà không đều
        xin học nghề miễn phí cho lao động nông thôn
        công ty giữ bằng cấp của người lao động không trả
        tiền phụ cấp độc hại của công nhân bị cắt
        con tôi khuyết tật trí tuệ chưa được đánh giá mức độ
        bố tôi tham gia kháng chiến mà chưa được hưởng chế độ
        trợ cấp thất nghiệp bị dừng mà không báo
        người già trên tám mươi tuổi chưa nhận tiền mừng thọ
        công ty không ký hợp đồng lao động với công nhân thời vụ
        lao động đi làm ở nước ngoài bị giữ hộ chiếu
        xin trợ cấp khó khăn đột xuất sau khi nhà bị cháy
        tiền trợ cấp cho trẻ khuyết tật đi học chưa có
        doanh nghiệp trả lương thấp hơn mức ghi trong hợp đồng
        danh sách hộ nghèo của xã có cả hộ khá giả, đề nghị rà soát lại
        mẹ tôi là vợ liệt sĩ nhưng chưa được hưởng trợ cấp tuất hằng tháng
        hồ sơ đề nghị công nhận người hoạt động kháng chiến bị trả lại nhiều lần
        gia đình thương binh chưa nhận được quà nhân ngày thương binh liệt sĩ
        trợ cấp xã hội của ông tôi bị dừng sau khi chuyển nơi ở
        sau khi sáp nhập xã, tiền trợ cấp người khuyết tật bị chậm mấy tháng
        công ty đóng bảo hiểm xã hội thấp hơn lương thực tế
        công ty trừ tiền bảo hiểm vào lương mà không nộp cho cơ quan bảo hiểm
        nghỉ việc ba tháng vẫn chưa có quyết định hưởng bảo hiểm thất nghiệp
        xin hỗ trợ học nghề cho người khuyết tật
        người lao động thời vụ bị chủ thầu quỵt tiền công
        công nhân xây dựng bị nợ lương, nhà thầu bỏ trốn
        công ty ép người lao động nghỉ không lương kéo dài
        công ty không cho nghỉ phép năm, cũng không trả tiền ngày phép
        doanh nghiệp không ký hợp đồng lao động với lao động nữ lớn tuổi
        người lao động bị trừ lương vì đi vệ sinh nhiều lần
        lao động đi làm ở nước ngoài bị bóc lột, xin hỗ trợ về nước
        tôi bị mất việc, xin được giới thiệu việc làm phù hợp
        xin vay vốn giải quyết việc làm để mở tiệm may
        nhà bị sập do bão, gia đình chưa được hỗ trợ dựng lại
        gạo cứu đói không đến tay các hộ khó khăn
        hộ tôi bị loại khỏi danh sách hộ nghèo dù thu nhập không đổi
        xin hỗ trợ tiền điện cho hộ nghèo
        người già neo đơn ở nhà dột nát, xin hỗ trợ xây nhà tình thương
        đề nghị rà soát chế độ cho thanh niên xung phong
        người già không đi lấy trợ cấp ở bưu điện được, xin nhận tại nhà
        công ty không giải quyết chế độ cho công nhân bị bệnh nghề nghiệp
        công ty cũ chậm báo giảm nên tôi không hưởng được thai sản ở công ty mới
        người khuyết tật vận động xin được cấp xe lăn
        người nhiễm chất độc da cam thế hệ thứ hai chưa được xét trợ cấp
        doanh nghiệp không trả lương làm thêm giờ ngày lễ
        xin trợ cấp mai táng phí cho bố mới mất
        trung tâm bảo trợ xã hội cho các cụ ăn uống kham khổ
        người lao động bị công ty giữ bằng cấp gốc, nghỉ việc không trả
        trẻ mồ côi do cha mẹ mất vì tai nạn chưa được nhận trợ cấp
        công nhân bị chấm dứt hợp đồng trái luật sau khi nghỉ ốm
        lương hưu bị tính thấp hơn so với số năm đóng bảo hiểm
        người cao tuổi thuộc hộ cận nghèo chưa được trợ cấp hằng tháng
        vợ chồng tôi làm công nhân, bị công ty cho nghỉ việc mà không báo trước ngày nào
        bà nội tôi chín mươi tuổi mà xã nói hồ sơ trợ cấp bị lỗi, chưa được nhận
        em là sinh viên con hộ nghèo, xin hỏi chính sách hỗ trợ vay vốn học tập
        chú tôi là bệnh binh, tiền trợ cấp tháng này bị trừ mà không rõ lý do
        xưởng may bắt công nhân ký giấy tự nguyện nghỉ việc để khỏi trả trợ cấp
        người lao động làm ở công ty hơn mười năm không được tăng lương
        công nhân bị tai nạn ở công trình, chủ thầu không chịu chi tiền viện phí
        người lao động nằm viện mà công ty không giải quyết chế độ ốm đau
    """),
    "can-bo-cong-vu": _lines("""
        cán bộ tiếp dân có thái độ hách dịch, nói năng thiếu tôn trọng
        công chức gợi ý phải nộp thêm tiền ngoài để hồ sơ được nhanh
        cán bộ thường xuyên vắng mặt trong giờ làm việc
        các phòng ban đùn đẩy trách nhiệm, không ai giải quyết
        cán bộ địa chính nhũng nhiễu, gây phiền hà cho người dân
        cán bộ phường uống rượu trong giờ hành chính
        nhân viên bộ phận một cửa dùng điện thoại, bỏ mặc người dân chờ
        cán bộ xã không tiếp công dân theo lịch đã công bố
        công chức hứa giải quyết nhưng không làm, không trả lời
        cán bộ xử lý hồ sơ đòi quà biếu mới ký
        thái độ cán bộ tư pháp lạnh nhạt, quát nạt người già
        cán bộ thu thuế có dấu hiệu vòi vĩnh doanh nghiệp
        lãnh đạo xã né tránh, không gặp người dân
        cán bộ tiết lộ thông tin của người tố cáo
        anh cán bộ một cửa nói chuyện cộc lốc, bảo tôi về đi mai lên
        cán bộ xã dùng xe công đi việc riêng
        chủ tịch xã bao che cho người nhà vi phạm
        cán bộ phường đi muộn về sớm, người dân chờ cả buổi
        công an khu vực có thái độ không đúng mực khi làm việc với dân
        cán bộ thôn thu tiền của dân mà không có biên lai
        cán bộ ưu tiên giải quyết hồ sơ cho người quen, người khác phải chờ
        cán bộ nói phải qua dịch vụ bên ngoài thì hồ sơ mới nhanh
        công chức chơi game trong giờ làm việc trước mặt người dân
        cán bộ xã ghi sai biên bản rồi bắt dân ký
        trưởng thôn tự ý thu các khoản đóng góp không qua họp dân
        cán bộ tiếp nhận đơn nhưng không chuyển, đơn bị thất lạc
        cán bộ mặc đồ không đúng quy định, hút thuốc trong phòng làm việc
        cán bộ xã lợi dụng chức vụ để mua đất giá rẻ
        công chức phường đe dọa người dân khi bị phản ánh
        cán bộ hẹn gặp ngoài quán cà phê để giải quyết hồ sơ
        cán bộ bảo hồ sơ bị mất, bắt làm lại từ đầu
        cán bộ nói tiếng địa phương khó hiểu và không chịu giải thích
        cán bộ kiểm lâm làm ngơ cho phá rừng
        cán bộ quản lý thị trường nhận tiền của tiểu thương
        cán bộ y tế xã đi làm việc riêng trong giờ trực
        cán bộ chuyên trách không nắm được quy định, hướng dẫn sai
        cán bộ phường quay phim người dân rồi đăng lên mạng chế giễu
        cán bộ xã cho người nhà vào làm việc không qua thi tuyển
        cán bộ không đeo thẻ công chức khi tiếp dân
        công chức lấy lý do hệ thống lỗi để từ chối tiếp nhận
        cán bộ gây khó dễ vì người dân đã khiếu nại trước đó
        cán bộ xã làm việc riêng, bán hàng online trong giờ làm
        lãnh đạo ủy ban đẩy việc xuống cấp dưới, cấp dưới lại đẩy lên
        cán bộ kê khai tài sản không trung thực
        cán bộ trả lời qua loa, không đọc đơn của dân
        cán bộ địa chính cố tình kéo dài thời gian để gây sức ép
        tổ trưởng dân phố lợi dụng việc xác nhận giấy tờ để thu tiền
        cán bộ hải quan gây khó khăn, đòi tiền bồi dưỡng
        cán bộ trực tổng đài không nghe máy, gọi nhiều lần không ai bắt
        anh công an xã to tiếng, dọa không làm giấy cho
        chị ở một cửa nói muốn nhanh thì phải có chút gì
        lãnh đạo phường hứa xuống kiểm tra mà mãi không thấy
        cán bộ trực điện thoại cúp máy ngang khi người dân đang nói
        cán bộ đến nhà kiểm tra mà không xuất trình giấy tờ
        cán bộ xã đòi tiền mới cho ký xác nhận hộ nghèo
        cán bộ trả lời sai rồi đổ lỗi cho người dân
        cán bộ tiếp dân nghe điện thoại riêng liên tục
        công chức bỏ vị trí đi uống cà phê trong giờ làm
        người làm ở xã dùng quan hệ để xin việc cho con
        trưởng công an xã bao che cho quán karaoke của người nhà
        cán bộ giải quyết đơn không khách quan, thiên vị một bên
        cán bộ thú y thu tiền tiêm phòng cao hơn quy định rồi không đưa biên lai
        cán bộ thôn lấy tiền hỗ trợ của dân chi tiêu riêng
        cán bộ phường xử phạt người bán hàng mà không lập biên bản
        cán bộ không trả lời đơn thư của dân đã hơn ba tháng
        anh cán bộ xã ngồi gác chân lên bàn khi tiếp dân
        cán bộ kiểm tra giấy tờ nhà trọ vào nhà lúc nửa đêm
        cán bộ không chịu nhận đơn, bảo đi chỗ khác
        chị cán bộ mắng tôi vì không biết điền tờ khai
        cán bộ phường tự ý thu phí dọn vệ sinh không có quyết định
        lãnh đạo xã không công khai thu chi ngân sách
        cán bộ tư pháp đòi tiền làm nhanh giấy chứng thực
        cán bộ chậm trễ, hồ sơ để trên bàn cả tháng không xem
        cán bộ xã uống rượu rồi đến trụ sở làm việc
        người dân đến phản ánh thì bị cán bộ đuổi về
        cán bộ phường trả lời điện thoại thiếu lịch sự
        cán bộ dùng tài sản công vào việc gia đình
        lãnh đạo phòng cố tình ngâm hồ sơ đã đủ, gợi ý gặp riêng mới ký
        cán bộ địa chính xã gây khó dễ, đòi tiền mới chịu đo đạc đất
        cán bộ một cửa nói chuyện cộc lốc, ném hồ sơ trả lại người dân
        công chức tư pháp xã thường xuyên vắng mặt, người dân đến không gặp
        cán bộ tiếp dân ngủ gật trong giờ làm việc
        chủ tịch xã không tiếp công dân theo lịch đã công bố
        cán bộ phường bao che cho người thân xây nhà sai phép
        cán bộ thuế gợi ý nộp tiền ngoài để được giảm thuế
        cảnh sát giao thông nhận tiền của tài xế xe tải rồi cho đi
        cán bộ xã đùn đẩy, bảo lên tỉnh hỏi, lên tỉnh lại bảo về xã
        phó chủ tịch xã uống rượu trong giờ làm việc
        cán bộ tư pháp đòi tiền bồi dưỡng mới chứng thực nhanh
        cán bộ phường dùng xe công đi việc riêng
        công chức một cửa cho người quen chen ngang lượt
        cán bộ xã đe dọa người dân vì đã gửi đơn khiếu nại
        công chức làm mất hồ sơ của dân rồi đổ lỗi cho người dân
        cán bộ xã hứa giải quyết nhưng cứ hẹn lần hẹn lữa
        cán bộ văn hóa xã chửi bới người dân trên nhóm Zalo của thôn
        công an khu vực gây khó khăn, đòi tiền khi làm đăng ký tạm trú
        cán bộ chơi game trên điện thoại khi đang tiếp dân
        lãnh đạo xã bổ nhiệm người nhà vào các vị trí chủ chốt
        cán bộ kiểm lâm bắt tay với lâm tặc phá rừng
        cán bộ phường đến kiểm tra quán ăn rồi xin tiền uống cà phê
        công chức trực đường dây nóng dập máy khi người dân đang nói
        cán bộ thanh tra xây dựng làm ngơ công trình sai phép vì quen biết
        cán bộ xã nghỉ làm từ ba giờ chiều
        tôi bị cán bộ mắng vì hỏi lại thủ tục
        cán bộ thôn đòi tiền lót tay mới đưa vào danh sách hộ nghèo
        chủ tịch phường không trả lời đơn của dân dù đã quá hạn luật định
        cán bộ giữ giấy tờ bản gốc của dân không trả
        cán bộ xã lợi dụng chức vụ để mua đất giá rẻ của dân
        ông trưởng công an xã nói năng thô lỗ, quát tháo khi dân đến trình báo
        cán bộ phường hẹn gặp ngoài quán cà phê để nhận tiền làm hồ sơ
        tôi gọi đường dây nóng của xã nhiều lần mà không ai bắt máy trong giờ làm việc
        cán bộ tiếp nhận hồ sơ đòi thêm tiền phí không có biên lai
        lãnh đạo phòng giao việc cho cấp dưới rồi không chịu trách nhiệm khi sai
        cán bộ địa chính hẹn mãi không xuống đo đất, gọi điện thì không nghe máy
        cán bộ môi trường xã nhận tiền của chủ trại heo để làm ngơ
    """),
    "dat-dai": _lines("""
        hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp đã ba tháng vẫn chưa có kết quả
        gia đình tôi chưa được cấp sổ đỏ dù đã nộp đủ giấy tờ
        xin cấp đổi sổ hồng nhưng văn phòng đăng ký đất đai hẹn đi hẹn lại
        tranh chấp ranh giới đất với nhà bên cạnh chưa được hòa giải
        mức bồi thường khi thu hồi đất làm dự án quá thấp so với giá thị trường
        đất nông nghiệp bị thu hồi nhưng chưa được bố trí tái định cư
        hộ dân lấn chiếm đất công để làm nhà kho
        quy hoạch sử dụng đất treo nhiều năm nên không thể tách thửa
        giải phóng mặt bằng dự án mở đường chưa chi trả tiền đền bù
        đề nghị xem xét chuyển mục đích sử dụng đất vườn sang đất ở
        thửa đất của gia đình bị đo đạc sai diện tích trên bản đồ địa chính
        nhà tôi bị tính tiền sử dụng đất quá cao khi làm sổ
        khu đất công bị bỏ hoang bị người dân chiếm dụng trồng rau
        đề nghị cấp giấy chứng nhận cho phần đất khai hoang từ trước năm 1993
        mua đất bằng giấy tay từ năm 2005 giờ không làm được sổ
        hàng xóm rào lấn sang đất nhà tôi gần một mét
        đất ông bà để lại, anh em tranh chấp thừa kế, xã không giải quyết
        sổ đỏ ghi sai tên chủ sử dụng đất, xin đính chính mãi không được
        xin tách thửa cho con nhưng bị từ chối mà không nói rõ lý do
        dự án khu đô thị thu hồi đất của dân mà giá đền bù mỗi nhà một kiểu
        khu tái định cư chưa có điện nước mà bắt dân phải dọn đến ở
        đất bị quy hoạch làm công viên hơn mười năm, không được xây sửa nhà
        xin cung cấp thông tin quy hoạch của thửa đất trước khi mua
        cán bộ địa chính đo lại đất không mời các hộ liền kề ký giáp ranh
        đất rừng sản xuất của gia đình bị công ty lâm nghiệp chiếm dụng
        đền bù đất ruộng mà không hỗ trợ chuyển đổi nghề cho nông dân
        giá đất tái định cư cao hơn giá đất bị thu hồi
        xin hợp thức hóa phần đất đã sử dụng ổn định hơn hai mươi năm
        đất nằm trong hành lang đường bộ mà vẫn phải đóng thuế
        sổ hồng chung cư chờ chủ đầu tư làm đã bảy năm
        mua nhà dự án nhưng chủ đầu tư thế chấp sổ cho ngân hàng
        đất ao của làng bị san lấp để phân lô bán nền
        có người mạo danh chủ đất để mua bán, đề nghị ngăn chặn giao dịch
        văn phòng công chứng từ chối chuyển nhượng vì đất đang bị kê biên
        đề nghị thu hồi đất của doanh nghiệp bỏ hoang nhiều năm
        ranh giới giữa hai xã chưa rõ nên đất nhà tôi không biết thuộc xã nào
        đất ở bị ghi nhầm thành đất trồng cây lâu năm
        đền bù cây cối hoa màu trên đất thu hồi chưa thỏa đáng
        đất của hộ tôi bị xã cấp trùng cho hộ khác
        đề nghị gia hạn thời hạn sử dụng đất nông nghiệp sắp hết
        xin chuyển nhượng quyền sử dụng đất nhưng phải chờ xác minh nguồn gốc rất lâu
        công trình mương nước của xã đi qua đất nhà tôi mà không đền bù
        người ta xây nhà lên mộ phần trên đất của dòng họ tôi
        kiểm kê đất đai để giải tỏa mà không công khai biên bản
        đất nghĩa trang bị lấn chiếm để trồng cây
        đề nghị giải quyết dứt điểm vụ khiếu nại đất đai kéo dài nhiều năm
        tiền thuê đất nông nghiệp công ích của xã thu không minh bạch
        phân lô bán nền trái phép trên đất nông nghiệp
        bản đồ địa chính mới không khớp với sổ cũ
        đã nộp tiền trước bạ mà chưa nhận được sổ
        đất dự án treo, dân không được cấp phép sửa nhà
        chưa được nhận tiền hỗ trợ di dời mồ mả trong vùng dự án
        nhà nước lấy đất làm khu công nghiệp mà trả giá rẻ như cho
        xin xác nhận nguồn gốc đất để làm giấy tờ nhà
        chủ cũ bán một mảnh đất cho hai người, giờ không ai sang tên được
        đất của tôi bị người khác tự ý cắm mốc, rào lại
        hơn mười năm chưa được giao đất tái định cư như đã hứa
        gia đình bị kiểm đếm đất mà không được thông báo trước
        thửa đất bị chồng lấn với thửa của nhà hàng xóm trên bản đồ
        đất vườn thừa kế của cha mẹ chưa chia được vì xã không xác nhận
        công ty bất động sản lấy đất của dân rồi để cỏ mọc
        đất ven sông bị sạt mất dần, xin được đổi đất khác
        đề nghị kiểm tra việc cấp đất sai đối tượng ở thôn
        xin được gia hạn nộp tiền sử dụng đất vì hoàn cảnh khó khăn
        mảnh đất mua của hợp tác xã từ thời bao cấp chưa có giấy
        phần đất làm đường của thôn hiến tặng giờ bị người ta lấy lại
        xin cắm mốc lại ranh giới sau khi mở rộng đường
        địa phương chưa công bố bảng giá đất bồi thường mới
        xin được cấp sổ cho mảnh đất ông bà cho từ năm tám mươi
        hội đồng bồi thường áp giá đất nông nghiệp cho đất ở của nhà tôi
        con đường quy hoạch cắt ngang nửa căn nhà, không biết bao giờ mới làm
        địa chính xã không chịu ký xác nhận đất không tranh chấp
        đất đồng của hợp tác xã chia lại không công bằng
        mua đất qua cò, giờ mới biết đất nằm trong quy hoạch cây xanh
        người nhà tự ý bán đất đứng tên chung của gia đình
        xin trả lại đất nông nghiệp cho nhà nước vì không canh tác được
        hồ sơ thừa kế quyền sử dụng đất bị văn phòng đất đai trả về
        tiền đền bù bị giữ lại vì còn tranh chấp trong họ tộc
        đất lúa bị người ta đổ đất san nền để bán
        xin điều chỉnh quy hoạch để được xây nhà trên đất của mình
        tôi muốn hiến đất làm đường, xin hướng dẫn
        xin trích lục bản đồ địa chính phải đi ba lần
        đề nghị thu hồi đất của dự án nghỉ dưỡng được giao mười năm vẫn chưa xây
        hồ sơ cấp sổ đỏ lần đầu nộp từ năm ngoái đến nay chưa có
        văn phòng đăng ký đất đai trả hồ sơ sang tên vì thiếu giấy tờ không có trong quy định
        diện tích đất trên sổ đỏ ít hơn thực tế, xin đo đạc lại
        sổ đỏ ghi sai tên bố tôi, xin đính chính
        tranh chấp ranh giới đất với nhà bên cạnh, hòa giải ở thôn không thành
        anh em trong nhà tranh chấp đất thừa kế của cha mẹ
        đất của gia đình bị ghi nhầm là đất công trên bản đồ địa chính
        giá bồi thường đất nông nghiệp quá thấp so với giá thị trường
        chưa được bố trí đất tái định cư dù đã bàn giao mặt bằng hai năm
        bị thu hồi đất làm đường mà không được bồi thường cây trồng trên đất
        dự án treo mười năm, dân không được xây sửa nhà
        đất nằm trong quy hoạch công viên nhưng chưa thấy làm, không được tách thửa
        xin chuyển đất vườn sang đất ở để xây nhà cho con
        tiền sử dụng đất khi chuyển mục đích bị tính quá cao
        đất công ích của xã cho thuê không đấu giá công khai
        mua đất bằng giấy tay từ lâu, nay muốn làm sổ thì không được
        đất rừng sản xuất được giao nhưng chưa được cấp sổ
        thửa đất của dân bị chồng lấn với đất của công ty lâm nghiệp
        bồi thường giải phóng mặt bằng chia không đều giữa các hộ
        bị thu hồi đất nông nghiệp mà không được hỗ trợ chuyển đổi nghề
        xin cấp lại sổ đỏ bị cháy mất
        ngân hàng giữ sổ đỏ dù đã trả hết nợ
        hồ sơ tách thửa bị trả vì diện tích nhỏ hơn mức tối thiểu, xin giải thích
        mốc giới đất bị nhổ đi sau khi đo đạc
        quy hoạch sử dụng đất mới của xã không được công khai cho dân biết
        chậm chi trả tiền bồi thường khi đã có quyết định thu hồi đất
        xin giao đất làm nghĩa trang cho thôn
        hàng xóm xây tường rào trên phần đất đang tranh chấp
        đất ở của gia đình bị cấp nhầm vào sổ của người khác
        xin xác nhận nguồn gốc đất để làm sổ mà xã không xác nhận
        đăng ký biến động sau khi được tặng cho đất mà ba tháng chưa xong
        khu đất công bị cá nhân rào lại chiếm dụng trồng cây
        đất lúa bị san lấp trái phép để phân lô bán nền
        hợp đồng thuê đất nông nghiệp của xã hết hạn mà không được gia hạn
        phương án bồi thường không tính đến nhà phụ và chuồng trại
        công ty bất động sản chậm làm sổ cho người mua nền
        tôi mua đất có sổ đàng hoàng mà không sang tên được vì đất nằm trong quy hoạch
        nhà tôi bị đo thiếu đất khi làm dự án mở đường, đề nghị đo lại
        đất ông bà để lại chưa có sổ, các con muốn chia thì làm thủ tục thế nào
        người ta làm sổ đỏ chồng lên phần đất mà gia đình tôi canh tác mấy chục năm
        giá đền bù ở xã tôi thấp hơn xã bên cạnh dù cùng một dự án
        gia đình tôi bị thu hồi đất làm trường học mà chưa được đền bù
        đất làm bệnh viện mới chưa giải phóng mặt bằng xong vì giá đền bù thấp
    """),
    "giao-duc": _lines("""
        trường tiểu học thu nhiều khoản ngoài quy định đầu năm học
        giáo viên ép học sinh đi học thêm tại nhà
        con tôi không được nhận vào trường đúng tuyến
        học phí tăng cao mà không có thông báo
        trường mầm non thiếu giáo viên, trẻ bị gửi ghép lớp
        nhà vệ sinh của trường bẩn, không có nước
        trường không có bảo vệ, người lạ ra vào tự do
        tuyển sinh lớp 6 không minh bạch
        bếp ăn bán trú của trường không đảm bảo vệ sinh
        sách giáo khoa bắt buộc mua trọn bộ tại trường
        quỹ phụ huynh thu chi không công khai
        điểm trường lẻ không có điện để học buổi tối
        cô giáo đánh giá học sinh thiên vị, chỉ ưu ái em đi học thêm
        trường bắt mua đồng phục giá cao tại trường
        ban đại diện cha mẹ học sinh thu tiền lắp máy lạnh cho lớp
        giáo viên cho học sinh nghỉ học để đi dự lễ mà không báo phụ huynh
        trường mầm non tư thục không phép trông trẻ quá đông
        học sinh phải ngồi học trong phòng học tạm bợ
        trường thiếu phòng học, học sinh học ca ba
        con tôi bị bạn bắt nạt ở trường mà giáo viên làm ngơ
        thi tuyển vào lớp 10 chấm điểm không công bằng
        giáo viên hợp đồng bị nợ lương nhiều tháng
        học sinh bị phạt đứng ngoài nắng vì đi học muộn
        trường tổ chức dạy thêm trong trường thu tiền cao
        xe đưa đón học sinh chở quá số người
        thư viện trường không có sách, chỉ để trưng bày
        phụ huynh bị ép mua bảo hiểm thân thể cho con tại trường
        trường không trả học bạ khi học sinh chuyển trường
        hiệu trưởng lạm thu và chi tiêu quỹ trường không minh bạch
        căng tin trường bán đồ ăn vặt không rõ nguồn gốc
        bằng tốt nghiệp bị ghi sai tên, trường hẹn sửa mãi
        trung tâm ngoại ngữ không phép dạy trẻ em
        học sinh vùng cao phải lội suối đến trường
        trường chưa có sân chơi, học sinh ra chơi trên đường
        giáo viên giao bài tập về nhà quá nhiều cho học sinh tiểu học
        học sinh khuyết tật bị từ chối nhận vào học
        nhà trường không miễn giảm học phí cho con hộ nghèo
        điểm thi học kỳ bị sửa mà không thông báo
        máy tính phòng tin học của trường hỏng hết
        trường quốc tế tăng học phí giữa năm học
        học sinh dùng điện thoại trong giờ học, nhà trường không quản lý
        giáo viên mắng chửi học sinh bằng lời lẽ xúc phạm
        trường đại học chậm cấp bằng cho sinh viên đã tốt nghiệp
        tiền ăn bán trú tăng nhưng bữa ăn của trẻ ít đi
        lớp học quá đông hơn năm mươi học sinh
        đề nghị xây thêm trường mầm non cho khu dân cư mới
        trường cho học sinh lao động dọn vệ sinh quá sức
        trẻ mầm non bị cô giáo bỏ đói, phạt không cho ăn
        học phí trường tư thu thêm phí cơ sở vật chất mỗi năm
        sinh viên bị trường giữ bằng vì còn nợ học phí
        nhà trường công bố kết quả tuyển sinh trễ
        cô chủ nhiệm thu tiền quỹ lớp mỗi tháng mà không báo cáo
        thầy dạy toán chỉ giảng kỹ cho em nào học thêm
        con tôi học lớp một mà sách vở mua hết hai triệu
        trường bắt đóng tiền máy chiếu, tiền điều hòa
        bé nhà tôi đi nhà trẻ về bị bầm tím
        học sinh phải mang nước uống từ nhà vì trường không có
        trường tổ chức thi thử thu phí từng môn
        trẻ em trong xóm không có trường mầm non gần nhà
        xin chuyển trường cho con nhưng trường không chịu rút hồ sơ
        thời khóa biểu thay đổi liên tục, phụ huynh không đón kịp
        giáo viên bắt học sinh mua tài liệu tham khảo của cô
        cơm bán trú của trẻ ít thịt, nhiều nước
        trường thu tiền học tiếng anh với người nước ngoài bắt buộc
        phòng học không có quạt, học sinh học trong nóng bức
        con học lớp chín bị ép không thi lớp mười công lập
        trung tâm dạy thêm hoạt động không có giấy phép
        con tôi bị cô giáo phạt quỳ trước lớp
        nhà trường tổ chức học hè bắt buộc thu tiền
        học sinh lớp một học đến năm giờ chiều mới về
        trường mầm non công lập không đủ chỗ, phải gửi trường tư
        sân trường ngập nước mỗi khi mưa, học sinh lội vào lớp
        hội phụ huynh bắt đóng tiền mua quà cho cô
        trường không tổ chức bán trú, phụ huynh đi làm không đón được con
        giáo viên đánh giá học sinh bằng điểm số ép học thêm
        xin miễn học phí cho con thương binh
        trường chuyên tuyển sinh thêm chỉ tiêu không công khai
        sinh viên bị thu phí ký túc xá tăng đột ngột
        xe buýt đưa đón học sinh của trường chạy ẩu
        trường bắt học sinh học thêm có thu tiền ngay trong giờ chính khóa
        nhà trường vận động phụ huynh góp tiền mua ti vi, máy lạnh cho lớp
        giáo viên chủ nhiệm ép học sinh đi học thêm ở nhà cô
        con tôi bị bạn bắt nạt nhiều lần mà nhà trường không xử lý
        trường không nhận con tôi vào lớp một vì khác phường
        điểm trường lẻ ở thôn vùng cao thiếu giáo viên tiếng Anh
        xe đưa đón học sinh của trường chở quá số người
        sách giáo khoa bán kèm sách tham khảo bắt buộc
        học sinh phải mua đồng phục ở cửa hàng do trường chỉ định với giá cao
        lớp học quá đông, năm mươi học sinh một lớp
        nhóm trẻ tư thục không phép trông trẻ trong căn nhà chật chội
        bàn ghế học sinh gãy, không được thay
        giáo viên xúc phạm học sinh trước cả lớp
        kết quả thi tuyển vào lớp mười có dấu hiệu sai sót, xin phúc khảo
        trường đại học chậm cấp bằng tốt nghiệp
        bếp ăn bán trú cho trẻ ăn quá ít so với tiền đóng
        phụ huynh bị ép mua bảo hiểm thân thể cho học sinh tại trường
        trường không có sân chơi, giờ ra chơi học sinh đứng ngoài hành lang
        đề nghị xây thêm phòng học cho trường tiểu học đang phải học ca ba
        con tôi bị cô giáo mầm non phạt đứng ngoài nắng
        trường tổ chức học chiều thứ bảy và thu thêm tiền
        giáo viên dạy thêm học sinh lớp mình rồi ra đề kiểm tra trùng bài đã dạy
        học sinh khuyết tật không được nhận vào học hòa nhập
        tiền hỗ trợ ăn trưa cho học sinh vùng khó khăn chưa được chi
        quỹ hội cha mẹ học sinh thu quá cao
        trường tổ chức dã ngoại bắt buộc, thu tiền cao
        con tôi học lớp ba mà cô giáo bắt mua thêm sách bài tập ngoài danh mục
        trường mầm non công lập không đủ chỗ, trẻ ba tuổi không được nhận
        học sinh phải mang nước uống từ nhà vì trường không có nước sạch
        giáo viên mầm non đánh trẻ, phụ huynh xem lại được qua camera
        nhà trường thu tiền điều hòa mà lớp không có điều hòa
    """),
    "giao-thong": _lines("""
        mặt đường xuất hiện nhiều ổ gà, lâu rồi chưa ai vá
        đèn tín hiệu giao thông ở ngã tư bị hỏng nhiều ngày
        biển báo cấm rẽ trái bị cây che khuất
        tuyến xe buýt số 5 thường xuyên bỏ chuyến, không đúng giờ
        đường bê tông liên thôn bị nứt vỡ, trời mưa lầy lội
        ùn tắc giao thông kéo dài giờ cao điểm trước cổng chợ
        thiếu gờ giảm tốc ở đoạn đường cong hay xảy ra tai nạn
        vạch kẻ đường đã mờ, người đi đường không nhìn thấy
        hộ lan đường đèo bị gãy chưa được thay
        xe tải trọng lớn chạy vào đường nhỏ làm hư hỏng mặt đường
        đường đất vào trường bị xói lở, phương tiện khó đi
        đường làng có mấy ổ gà to, báo từ năm ngoái mà không ai vá
        con đường vừa làm xong chưa được nửa năm đã bong tróc
        đèn xanh ở ngã ba quá ngắn, người đi bộ không kịp qua đường
        xe khách dừng đón trả khách tùy tiện trên quốc lộ
        xe buýt chạy ẩu, tài xế lái xe thô bạo với hành khách
        tài xế xe buýt không dừng đón người già ở trạm
        biển chỉ dẫn sai hướng làm tài xế đi lạc
        đường vào thôn hẹp, xe cứu thương không vào được
        cầu tạm bằng gỗ qua kênh đã mục, đề nghị làm cầu mới
        đường liên xã xuống cấp, đầy ổ voi, ổ gà
        đoạn đường mới trải nhựa bị lún thành rãnh bánh xe
        bến xe khách thu phí gửi xe quá cao
        xe container đậu dọc đường ban đêm không bật đèn
        giao lộ không có đèn tín hiệu, giờ tan học rất lộn xộn
        đề nghị mở thêm tuyến xe buýt đến khu công nghiệp
        thiếu vỉa hè cho người đi bộ trên đường trước trường
        xe ba gác chở hàng cồng kềnh chạy trong giờ cấm
        công trình đào đường xong không hoàn trả mặt đường
        trạm thu phí đặt sai vị trí, dân địa phương cũng phải trả phí
        đường gom cao tốc chưa làm xong, xe phải đi vòng rất xa
        đèn vàng nhấp nháy cả ngày ở ngã tư đông xe
        đường lên nương rẫy bị sạt một bên, mùa khô chưa ai sửa
        thiếu biển báo trường học, xe chạy nhanh qua cổng trường
        gờ giảm tốc làm quá cao, xe máy đi qua bị xóc mạnh
        camera phạt nguội đặt ở chỗ biển báo bị che
        xe tải chở quá tải chạy qua cầu yếu mỗi đêm
        đường ven biển thường xuyên bị cát lấp
        xe buýt không có chỗ cho người khuyết tật lên xuống
        đường dẫn lên cầu bị lún, ô tô đi qua rất xóc
        người dân tự ý mở lối đi qua dải phân cách
        tàu hỏa chạy qua đường ngang dân sinh không có rào chắn
        đường ngang đường sắt không có người gác
        bến đò ngang chở quá số người quy định, không có áo phao
        phà qua sông chạy không đúng giờ, chờ rất lâu
        xe taxi công nghệ dừng đỗ đón khách lộn xộn trước bệnh viện
        đèn đường cao tốc không sáng, lái xe ban đêm rất khó
        đường tránh thành phố đã xong mà chưa cho xe chạy
        mặt cầu bị bong lớp bê tông lòi cả sắt
        xin làm thêm cầu vượt cho người đi bộ trước chợ
        con đường vào xóm toàn đá dăm, trời nắng bụi, trời mưa trơn
        xe khách chạy tốc độ cao qua khu dân cư
        ngã năm không có người điều tiết, giờ tan tầm ai cũng chen
        nhà chờ xe buýt không có mái che, trời mưa ướt hết
        xin kéo dài tuyến xe buýt về trung tâm xã
        xe máy đi ngược chiều trên cầu vượt
        biển báo tốc độ đặt khuất sau gốc cây
        đường vào khu công nghiệp thường xuyên kẹt xe tải
        cầu bê tông nhỏ trong thôn bị mất lan can
        vỉa hè cao quá, người đi xe lăn không lên được
        tài xế xe công nghệ đón khách trên cầu
        đèn cảnh báo ở đường ngang đường sắt không hoạt động
        đường thi công dở dang, rào chắn lấn hết một làn xe
        xe tập lái chạy chậm giữa đường giờ cao điểm
        đường bị đào lên lắp ống nước xong để nham nhở
        cần thêm làn đường cho xe đạp
        xe buýt đến trễ ba mươi phút, học sinh đi học muộn
        cần có đèn tín hiệu cho người đi bộ ở chỗ chợ đông
        đường hay bị xe ben cày nát, bụi mù
        đèn đỏ ở ngã tư quá dài, xe xếp hàng tới cả cây số
        xin đặt biển hạn chế tải trọng cho cầu trong xã
        ổ gà ở khúc cua trước cây xăng làm nhiều người té
        xe ô tô đỗ hai bên đường làm đường thành một làn
        xin mở thêm chuyến xe buýt buổi tối
        vạch sang đường ở trước bệnh viện bị mất
        lề đường bị lở, mép đường nhựa bị gãy vỡ
        đường vào nghĩa trang lầy lội, xe tang không vào được
        cần thêm camera giám sát giao thông ở các ngã tư hay va chạm
        đề nghị có xe buýt miễn phí cho người già đi lễ chùa dịp rằm
        đoạn quốc lộ qua xã có nhiều ổ gà lớn, trời mưa xe máy hay sụp ổ
        đường liên thôn xuống cấp nghiêm trọng, bùn lầy mỗi khi mưa
        xe tải chở quá tải chạy suốt ngày làm hư đường làng
        đèn tín hiệu ở ngã tư đếm giây quá ngắn, người đi bộ không kịp qua đường
        biển báo cấm bị cây che khuất, nhiều người vi phạm oan
        thiếu biển báo khu vực trường học trên đoạn đường đông xe
        đề nghị làm gờ giảm tốc ở đoạn đường thẳng trước chợ
        vạch kẻ đường mờ hết, ban đêm không thấy làn
        dải phân cách bị người dân phá hở để băng ngang đường
        kẹt xe kéo dài ở cửa ngõ thành phố mỗi sáng
        tuyến xe buýt về xã bị cắt giảm chuyến, học sinh không có xe đi học
        tài xế xe buýt chạy ẩu, không dừng đúng trạm
        nhà chờ xe buýt bị hư mái, trời mưa không có chỗ trú
        xin mở tuyến xe buýt từ khu công nghiệp về trung tâm
        cầu treo bắc qua suối có nhiều tấm ván sàn đã mục
        cây cầu ở đầu thôn quá hẹp, hai xe không tránh nhau được
        bến đò ngang không có áo phao cho khách
        xe khách dừng đón trả khách tùy tiện dọc quốc lộ
        xe container đậu trên đường ban đêm không bật đèn cảnh báo
        xin lắp đèn tín hiệu ở giao lộ mới thông xe
        đường gom dân sinh cạnh cao tốc chưa được làm, dân đi lại khó khăn
        nút giao thường xuyên xảy ra va chạm vì thiếu gương cầu lồi
        đường dẫn lên cầu bị lún, tạo gờ xóc
        taxi dù chèo kéo hành khách trước cổng sân bay
        đường vào khu du lịch hư hỏng, xe khách khó đi
        đường ngang đường sắt qua thôn không có người gác, không có rào chắn
        xin cắm biển hạn chế tốc độ khi qua khu dân cư
        đèn đỏ ở giao lộ quá dài, xe xếp hàng cả cây số
        đề nghị mở rộng con đường độc đạo vào xã
        xe máy chạy ngược chiều trên cầu vượt
        trạm cân kiểm tra tải trọng xe không hoạt động
        đường đất vào thôn vùng cao mùa mưa trơn trượt, xe cứu thương không vào được
        xin xây cầu qua suối để học sinh không phải lội nước đi học
        biển chỉ dẫn ghi tên xã cũ, chưa đổi sau sáp nhập
        đường mới thảm nhựa được hai tháng đã bong tróc
        đề nghị bố trí cảnh sát giao thông điều tiết giờ tan trường
        phà qua sông thường xuyên hỏng máy, người dân chờ hàng giờ
        xe buýt không có lối lên cho người đi xe lăn
        đường vào điểm trường lầy lội, học sinh đi học té ngã
        tàu thuyền neo đậu chắn luồng, ghe khó ra vào cảng cá
        đường từ xã lên thị trấn hẹp và nhiều khúc cua, xe tải thường lấn làn
        đề nghị sửa lại trạm dừng xe buýt bị cây che khuất
        cầu khỉ bắc qua kênh đã xiêu vẹo, học sinh đi qua rất sợ
        xe tập lái chạy chậm giữa đường giờ cao điểm gây ùn ứ
        con đường bê tông mới làm đã bị nứt gãy nhiều đoạn
        đèn cảnh báo ở đường cong trên đèo không còn hoạt động
        ô tô đỗ dọc hai bên đường nhỏ làm xe hai chiều không tránh nhau được
        đề nghị có thêm chuyến xe buýt đêm cho công nhân tan ca muộn
        đường trước cổng bệnh viện hư hỏng nặng, xe cấp cứu đi rất xóc
        xe buýt không còn chạy qua trường đại học, sinh viên phải đi bộ xa
        đèn tín hiệu trước cổng trường tiểu học bị hỏng
    """),
    "ha-tang-do-thi": _lines("""
        đèn chiếu sáng công cộng trong kiệt bị tắt hơn hai tuần
        đường ngập sâu mỗi khi mưa lớn do cống thoát nước bị tắc
        nước máy yếu, có giờ mất nước hoàn toàn
        nước sinh hoạt có màu đục và mùi lạ
        công viên khu phố xuống cấp, ghế đá và đèn bị hỏng
        ống nước chính bị bể gây lãng phí nước
        hố ga bốc mùi hôi do lâu ngày không nạo vét
        khu dân cư mới chưa có hệ thống thoát nước
        mương thoát nước bị lấp, mưa là ngập sân nhà
        khu vực chưa có nước sạch, người dân phải dùng nước giếng
        đèn đường trước nhà tôi bị hỏng mấy tháng nay
        đèn đường bật cả ban ngày gây lãng phí điện
        cây xanh trên vỉa hè đã lớn, cành lòa xòa cần cắt tỉa
        cây xanh che khuất đèn đường, buổi tối rất tối
        rễ cây xanh làm vỡ vỉa hè và lún nền nhà
        nước máy bị mất ba ngày liền không có thông báo
        hóa đơn tiền nước tăng gấp đôi mà không dùng thêm
        nước máy có cặn vàng, phải lọc mới dùng được
        đồng hồ nước chạy sai, công ty cấp nước không kiểm tra
        cống thoát nước bị hở nắp lâu ngày, bốc mùi hôi
        mỗi khi triều cường nước tràn vào nhà
        xin lắp đèn chiếu sáng cho con hẻm chưa có đèn
        đường ống nước mới đã lắp nhưng chưa được đấu nối vào nhà
        nước sạch chỉ có vào ban đêm, ban ngày không có giọt nào
        công viên không có nhà vệ sinh công cộng
        cây xanh chết khô trên dải phân cách chưa được thay
        xin trồng thêm cây xanh trên tuyến đường mới
        đường ống thoát nước bị vỡ làm nước ngấm vào móng nhà
        nạo vét cống xong để bùn đất hai bên đường nhiều ngày
        khu chung cư thường xuyên mất nước, máy bơm hỏng
        sân chơi thiếu nhi trong công viên có thiết bị gãy, han gỉ
        trạm bơm thoát nước chưa hoạt động, khu phố ngập lâu mới rút
        ngập úng kéo dài sau mưa, nước đọng bốc mùi
        nắp cống bị kẹt rác, nước mưa không thoát được
        dây cáp viễn thông chằng chịt, treo thấp trên hẻm
        cột điện cũ mục chân, đề nghị thay cột mới
        hồ điều hòa bị bèo và rác lấp kín
        nhà vệ sinh công cộng ở công viên bẩn và hỏng khóa
        nước giếng nhiễm phèn, xin kéo đường ống nước sạch về thôn
        tiền nước tính theo giá kinh doanh cho hộ gia đình
        mương nước chảy qua khu dân cư bị bồi lấp
        cống hộp dọc đường bị sụt một đoạn nhỏ, nước đọng lại
        đèn trang trí trên đường bị hỏng một nửa
        vòi nước công cộng ở chợ bị rò rỉ cả ngày
        khu tái định cư đã ở mà chưa có đèn đường và cống
        công ty cấp nước cắt nước không báo trước
        nước thải sinh hoạt chảy tràn do cống quá nhỏ
        trụ cứu hỏa trên đường bị hỏng, không có nước
        cây xanh trồng mới bị chết do không được tưới
        ghế đá công viên bị vỡ, lối đi bộ bong gạch
        cả tuần nay ko có nước sạch để dùng
        nước yếu quá, tầng hai không lên được nước
        ống nước rò rỉ dưới lòng đường, nước chảy thành dòng
        bóng đèn đường chập chờn lúc sáng lúc tắt
        khu phố tối om vì đèn đường hỏng hết
        trận mưa nào cũng ngập đến đầu gối ở đầu hẻm
        nước mưa không thoát, đọng thành vũng trước nhà
        cống bị rác bịt kín, nước đen tràn vào nhà khi mưa
        xin lắp đồng hồ nước riêng cho từng hộ trong xóm
        công ty cấp nước đào đường rồi không lấp lại
        cây bàng trước nhà rụng lá, xin cắt bớt cành
        cây xanh chết khô trước cổng chợ, xin thay cây mới
        nước máy có mùi clo rất nặng
        khu vực thường xuyên mất điện chiếu sáng vào ban đêm
        hồ nước trong công viên bị cạn, cá chết
        cột điện cũ đặt giữa vỉa hè cản lối đi
        ống nước nhà dân mới lắp đã bị vỡ do thi công ẩu
        khu vực nhà tôi chưa có đường ống cấp nước, phải mua nước bình
        nước máy chảy ra có giun, có cặn đen
        mưa xuống là cống trào ngược lên nhà vệ sinh
        cây phượng trước nhà rễ đội vỡ sân
        đề nghị lắp đèn đường cho đoạn đường mới mở
        sân chơi công viên không có đèn buổi tối
        nắp hố ga bị lún, xe chạy qua kêu rầm rầm
        trạm cấp nước của xã ngưng hoạt động mấy tuần
        nước từ ống nước bể chảy ra đường suốt đêm
        cây xanh bị sâu đục thân, lá vàng rụng hết
        tủ điện đèn đường kêu rè rè suốt đêm
        bóng đèn đường trước ngõ cháy cả tháng, tối đi lại rất sợ
        cả tuyến đường mới làm chưa có đèn chiếu sáng
        đèn đường bật sáng cả ban ngày, lãng phí điện
        đèn chiếu sáng trong công viên hỏng hết, tối không ai dám đi dạo
        khu phố mất nước sinh hoạt ba ngày liền không báo trước
        nước máy có màu vàng đục và mùi clo nặng
        nước yếu, chỉ chảy vào ban đêm, tầng hai không có nước
        công ty cấp nước thay đồng hồ xong thì tiền nước tăng bất thường
        xin kéo đường ống nước sạch về thôn, dân đang dùng nước giếng nhiễm phèn
        đường ống nước bị rò dưới vỉa hè, nước chảy lênh láng nhiều ngày
        cống thoát nước bị tắc, mỗi lần mưa nước tràn vào nhà
        mương thoát nước bị lấp, nước không thoát được ra sông
        triều cường dâng làm ngập các tuyến hẻm mỗi buổi chiều
        đề nghị nạo vét kênh thoát nước trước mùa mưa
        cây xanh trên vỉa hè mọc quá cao, cành vươn vào đường dây điện, đề nghị cắt tỉa
        rễ cây xanh làm bong vỉa hè, người đi bộ vấp ngã
        cây khô chết đứng trong công viên chưa được chặt bỏ
        công viên thiếu ghế đá, thiếu đèn, cỏ mọc um tùm
        xin lắp thêm thiết bị tập thể dục ngoài trời ở công viên
        nhà vệ sinh công cộng ở công viên bị khóa cửa suốt
        hồ điều hòa trong khu đô thị bị bèo phủ kín, nước tù đọng
        trạm bơm tiêu nước không hoạt động khi mưa lớn
        dây cáp viễn thông giăng chằng chịt, võng thấp trên đầu ngõ
        vỉa hè bị bong gạch, lồi lõm nhiều chỗ
        khu tập thể cũ mất điện chiếu sáng cầu thang chung
        xin lắp đèn đường cho đoạn kiệt sâu tối om
        ngập úng ở ngã tư sau mỗi trận mưa chiều
        khu đô thị mới bàn giao mà hệ thống thoát nước chưa đấu nối
        trụ nước chữa cháy trên phố bị hỏng, rò nước
        đèn đường sáng chập chờn, lúc tắt lúc sáng
        xin lắp đồng hồ nước riêng cho từng hộ trong khu trọ
        hóa đơn tiền nước ghi sai chỉ số, đề nghị kiểm tra lại
        bồn hoa trên dải phân cách bị bỏ hoang, cỏ dại mọc um tùm
        mưa chỉ nửa tiếng mà nước ngập tới yên xe máy
        đề nghị làm kè chống sạt lở bờ sông cho thôn
        cống hộp thoát nước thi công dở dang nhiều tháng
        cây phượng trong chợ bị sâu đục thân, đề nghị kiểm tra
        đài phun nước ở quảng trường hỏng đã lâu
        xin di dời cột điện nằm giữa lối đi vào nhà
        nước sinh hoạt mất liên tục vào giờ cao điểm buổi tối
        công ty cấp nước đào đường lắp ống xong không hoàn trả vỉa hè
        cây xanh mới trồng trên phố chết gần hết vì không ai tưới
        hệ thống đèn trang trí trên cầu đi bộ tắt nhiều tháng
        mấy tuần nay cả khu chung cư nước yếu, phải đi xách nước từng xô
        trước nhà có cái hố ga không nắp đã lâu, đã báo mà chưa thấy lắp
        đèn đường ở đoạn đường ven hồ tắt hết, ban tối đi bộ phải dùng đèn pin
        mỗi lần mưa lớn là nước từ đường tràn vào nhà, đồ đạc hư hết
        đề nghị trồng thêm cây xanh trên tuyến đường mới vì quá nắng
        cây bàng trước nhà rụng lá lấp kín miệng cống, nước không thoát được
        nước máy chảy ra có cặn và giun nhỏ
        ống thoát nước của khu phố nhỏ quá, không kịp thoát khi mưa
        khu nhà tôi cúp nước cả tuần, gọi công ty cấp nước không ai nghe máy
        đèn đường trước cổng trường tắt, học sinh học tối về rất sợ
        cống thoát nước trước bệnh viện bị tắc, mưa là ngập
    """),
    "khac": _lines("""
        đề nghị tổ chức thêm lễ hội văn hóa truyền thống cho thanh niên
        xin gửi lời cảm ơn đến các cán bộ đã nhiệt tình giúp đỡ
        góp ý giao diện cổng thông tin khó sử dụng trên điện thoại
        đề nghị xây dựng thêm nhà văn hóa cho thôn
        hỏi cách tra cứu phản ánh đã gửi trên cổng
        đề xuất đặt tên đường theo danh nhân địa phương
        kiến nghị tổ chức giải thể thao cho người cao tuổi
        khen ngợi đội tình nguyện hỗ trợ bà con sau bão
        đề nghị mở thêm thư viện đọc sách cho thiếu nhi
        hỏi về lịch tiếp công dân của lãnh đạo tỉnh
        góp ý về chương trình truyền hình địa phương
        đề nghị bảo tồn di tích đình làng đang xuống cấp
        xin thông tin về các hoạt động dịp lễ Tết
        đề xuất trồng thêm hoa ở quảng trường trung tâm
        xin cảm ơn bác sĩ và điều dưỡng đã tận tình chăm sóc mẹ tôi
        cảm ơn công an phường đã giúp tìm lại chiếc ví bị rơi
        hỏi số điện thoại đường dây nóng của tỉnh
        góp ý nên có thêm ứng dụng trên điện thoại để gửi phản ánh
        xin hỏi thủ tục đăng ký tham gia hiến máu tình nguyện
        đề nghị tổ chức chợ phiên cuối tuần cho thanh niên
        xin hỏi đã gửi phản ánh mà chưa nhận được mã tra cứu
        đề xuất mở lớp dạy bơi miễn phí cho trẻ em dịp hè
        đề nghị khôi phục lễ hội đua thuyền truyền thống
        khen ngợi cán bộ một cửa phường đã hướng dẫn tận tình
        xin tài liệu về lịch sử địa phương để viết sách
        muốn đóng góp ý tưởng phát triển du lịch cộng đồng
        hỏi cách đăng ký làm tình nguyện viên
        góp ý nên có bản tin tiếng dân tộc trên đài phát thanh
        đề xuất làm thêm sân bóng đá mini cho thanh thiếu niên
        hỏi về chương trình học bổng của tỉnh cho sinh viên
        tôi gửi nhầm phản ánh, xin hủy phản ánh trước
        góp ý loa phát thanh của thôn nên phát vào giờ phù hợp
        xin ý kiến về việc tổ chức lễ kỷ niệm thành lập xã
        đề nghị có thêm hoạt động câu lạc bộ văn nghệ cho người già
        hỏi về việc đổi tên thôn sau khi sáp nhập xã
        muốn biết kết quả cuộc thi ảnh đẹp quê hương
        đề nghị tuyên dương người tốt việc tốt trong thôn
        xin cho biết địa chỉ trụ sở mới của ủy ban sau sáp nhập
        góp ý trang web của tỉnh chữ quá nhỏ, khó đọc
        xin cảm ơn đoàn thanh niên đã sửa nhà giúp bà cụ neo đơn
        hỏi lịch chiếu phim lưu động ở vùng sâu
        đề xuất số hóa tài liệu lịch sử của làng
        tôi muốn hỏi cách viết đơn gửi lãnh đạo tỉnh
        đề nghị treo cờ và trang trí đường phố dịp Quốc khánh
        xin hỏi về quy định treo biển tên cho nhà thờ họ
        kiến nghị xây dựng tượng đài anh hùng liệt sĩ ở xã
        hỏi cách tham gia góp ý dự thảo văn bản của tỉnh
        đề xuất tổ chức ngày hội đọc sách cho học sinh
        khen ngợi tổ dân phố tổ chức trung thu cho các cháu
        xin thông tin về chương trình giao lưu văn hóa với tỉnh bạn
        góp ý tổng đài 1022 nên có lựa chọn nói chuyện với người thật
        cảm ơn tỉnh đã giải quyết nhanh phản ánh của tôi lần trước
        cảm ơn các chú đã sửa đường cho xóm em
        em muốn hỏi cổng này gửi phản ánh có mất phí không
        xin góp ý nên tổ chức thêm chợ hoa Tết
        xin hỏi làm sao để biết phản ánh đã được xử lý chưa
        cho tôi hỏi giờ làm việc của ủy ban tỉnh
        xin được tham quan trụ sở ủy ban tỉnh cùng học sinh
        đề nghị tổ chức hội thi nấu ăn cho hội phụ nữ
        xin gửi lời cảm ơn tới đội cứu hộ đã giúp dân trong trận lũ
        đề xuất lắp thêm bảng tin ở nhà văn hóa thôn
        xin biết kế hoạch tổ chức giải chạy marathon của thành phố
        góp ý về việc đặt tên trường học theo tên danh nhân
        cho hỏi đã gửi phản ánh nhầm lĩnh vực thì sửa thế nào
        xin tư liệu ảnh xưa về làng để làm triển lãm
        khen ngợi nhân viên tổng đài trả lời nhiệt tình
        xin góp ý làm thêm chỗ ngồi nghỉ ở quảng trường
        cho tôi hỏi tên xã mới sau khi sáp nhập là gì
        xin cảm ơn cổng phản ánh đã giúp giải quyết việc nhà tôi
        đề nghị mở lớp dạy tin học miễn phí cho người lớn tuổi
        xin hỏi muốn tổ chức giải bóng chuyền cho thôn thì xin phép ở đâu
        góp ý nên nhắn tin báo kết quả xử lý phản ánh
        đề nghị tổ chức lễ hội ẩm thực của địa phương
        khen ngợi chương trình văn nghệ mừng xuân của phường
        xin thông tin về giải thưởng sáng tạo của tỉnh
        đề xuất tổ chức tuần lễ văn hóa các dân tộc
        hỏi cách gửi thư góp ý cho đại biểu hội đồng nhân dân
        xin được tham gia câu lạc bộ dưỡng sinh của phường
        xin cảm ơn các chiến sĩ cứu hỏa đã cứu căn nhà của gia đình tôi
        khen ngợi cô giáo chủ nhiệm đã tận tâm với học sinh nghèo
        cảm ơn cán bộ bộ phận một cửa phường đã hướng dẫn tận tình
        cảm ơn đội công nhân điện lực đã sửa đèn đường rất nhanh
        biểu dương tổ dân phố làm tốt phong trào giữ gìn xóm sạch đẹp
        đề nghị tổ chức lễ hội đua ghe truyền thống hằng năm
        xin khôi phục lễ hội đình làng đã bị mai một
        hỏi lịch bắn pháo hoa dịp Tết ở thành phố
        đề nghị xây sân bóng đá mini cho thanh niên trong xã
        nhà văn hóa thôn xuống cấp, đề nghị sửa để sinh hoạt cộng đồng
        tôi gửi phản ánh trên trang này hai lần mà không nhận được mã tra cứu
        ứng dụng phản ánh không cho đính kèm ảnh
        hỏi làm sao để theo dõi kết quả phản ánh đã gửi
        đề nghị thêm tiếng dân tộc trên cổng thông tin của tỉnh
        góp ý nên có chuyên mục giải đáp pháp luật trên đài phát thanh
        đề nghị đặt tên đường theo tên anh hùng của địa phương
        di tích lịch sử cấp tỉnh bị bỏ hoang, xuống cấp
        đề xuất tổ chức giải chạy vì cộng đồng
        xin thông tin về chương trình hiến máu tình nguyện
        muốn đăng ký làm tình nguyện viên giúp người già
        đề nghị mở thư viện sách cho thiếu nhi ở xã
        góp ý chương trình văn nghệ mừng Tết nên mời các nghệ nhân địa phương
        xin phép tổ chức liên hoan văn nghệ ở nhà văn hóa khu phố
        đề nghị tỉnh có chính sách thu hút người trẻ về quê lập nghiệp
        khen ngợi chiến sĩ cảnh sát giao thông đã giúp người dân bị hỏng xe giữa trời mưa
        cảm ơn trạm y tế xã đã đến tận nhà tiêm phòng cho bà tôi
        ý kiến về việc đặt tên xã mới sau sáp nhập để giữ tên gốc lịch sử
        đề nghị làm bảng tin điện tử ở nhà văn hóa thôn
        cảm ơn xã đã tổ chức Tết trung thu chu đáo cho các cháu
        đề nghị tổ chức thêm các buổi chiếu phim miễn phí ở nhà văn hóa
        tôi muốn góp ý về giao diện của cổng phản ánh, chữ quá nhỏ khó đọc
        xin cảm ơn lãnh đạo xã đã đối thoại trực tiếp với bà con
        đề nghị xây tượng đài mẹ Việt Nam anh hùng ở huyện cũ
        hỏi năm nay tỉnh có tổ chức lễ hội hoa không
        đề xuất làm sân chơi cho trẻ em khu tái định cư sinh hoạt hè
        cảm ơn các bác sĩ khoa cấp cứu đã cứu sống con tôi
        xin gửi lời cảm ơn công an xã đã nhanh chóng tìm lại chiếc xe bị mất
        khen ngợi công nhân công ty môi trường dọn rác sạch sẽ sau bão
        cảm ơn thầy hiệu trưởng đã vận động xe đạp cho học sinh nghèo đi học
        biểu dương cán bộ tư pháp xã làm việc cả ngày thứ bảy để kịp hồ sơ cho dân
        cảm ơn đội cứu hộ đã kéo xe giúp gia đình tôi trên đèo
        cảm ơn sở đã trả lời đơn của tôi nhanh và rõ ràng
        hỏi trang phản ánh có nhận ảnh chụp bằng điện thoại không
        trang phản ánh báo lỗi mỗi khi tôi bấm gửi
    """),
    "kinh-te-doanh-nghiep": _lines("""
        hồ sơ đăng ký kinh doanh hộ cá thể bị trả lại nhiều lần
        giá cả hàng hóa ở chợ tăng bất thường
        doanh nghiệp chờ phê duyệt chủ trương đầu tư quá lâu
        thủ tục hoàn thuế cho doanh nghiệp chậm trễ
        tiểu thương phản đối việc tăng phí thuê ki ốt chợ
        doanh nghiệp nhỏ khó tiếp cận gói hỗ trợ vay vốn
        cửa hàng bán hàng giả, hàng nhái công khai
        chợ tạm xuống cấp, tiểu thương buôn bán khó khăn
        hợp tác xã chưa nhận được kinh phí hỗ trợ sản xuất
        giá điện kinh doanh tăng mà không giải thích
        dự án đầu tư chậm triển khai, đất để hoang
        doanh nghiệp bị kiểm tra chồng chéo nhiều đoàn
        thủ tục cấp giấy phép kinh doanh rượu quá rườm rà
        đề nghị hỗ trợ tiêu thụ nông sản cho bà con
        thuế khoán của hộ kinh doanh nhỏ tăng gấp đôi năm nay
        cơ quan thuế tính phạt chậm nộp dù đã nộp đúng hạn
        hóa đơn điện tử bị lỗi, không xuất được cho khách hàng
        tiểu thương bị di dời chợ mà chưa có chỗ buôn bán mới
        ban quản lý chợ thu phí vệ sinh và phí trông xe quá cao
        giá xăng dầu ở cây xăng cao hơn giá niêm yết
        cây xăng bán thiếu, bơm không đủ lít
        cửa hàng không niêm yết giá, bán cho khách du lịch giá cao
        giá thịt heo hơi giảm mạnh, người chăn nuôi thua lỗ
        thương lái ép giá lúa của nông dân
        xin hỗ trợ vốn khởi nghiệp cho thanh niên nông thôn
        khu công nghiệp thiếu hạ tầng, doanh nghiệp không muốn vào
        doanh nghiệp chưa được hoàn tiền ký quỹ dự án
        ngân hàng không giải ngân gói vay ưu đãi cho doanh nghiệp nhỏ
        hàng lậu, hàng không hóa đơn bày bán tràn lan ở chợ biên giới
        đăng ký thay đổi người đại diện doanh nghiệp bị trả hồ sơ
        nhà đầu tư bỏ dự án, công trình dang dở nhiều năm
        giá phân bón tăng cao, nông dân không có lãi
        siêu thị bán hàng quá hạn, đổi nhãn mác
        doanh nghiệp bị đóng mã số thuế vì lỗi của cơ quan thuế
        thủ tục xuất khẩu nông sản qua cửa khẩu phức tạp
        giá vé tham quan khu du lịch tăng đột ngột
        nhà hàng ở điểm du lịch chặt chém khách
        đề nghị công khai danh sách dự án kêu gọi đầu tư
        giá cước vận chuyển hàng hóa tăng vô lý
        doanh nghiệp không được thanh toán khối lượng công trình nhà nước
        hộ kinh doanh bị ép phải dùng máy tính tiền kết nối thuế
        tiểu thương chợ đêm bị thu phí không có biên lai
        giá sữa cho trẻ em tăng liên tục
        ngư dân thiếu vốn sửa tàu đánh bắt
        chợ đầu mối không có chỗ cho người bán nhỏ lẻ
        giá thuê mặt bằng kinh doanh ở chợ mới quá cao
        thủ tục góp vốn thành lập hợp tác xã quá phức tạp
        doanh nghiệp bị chậm hoàn thuế giá trị gia tăng nhiều tháng
        trái cây nhập lậu bán tràn lan, hàng nội khó tiêu thụ
        nông sản vào vụ thu hoạch bị ứ đọng, thương lái không mua
        xin giảm thuế cho hộ kinh doanh bị ảnh hưởng bởi bão lũ
        giá rau ở chợ tăng gấp đôi sau cơn mưa
        cửa hàng bán gas không niêm yết giá, mỗi lúc một giá
        xin vay vốn làm ăn mà ngân hàng chính sách bảo hết tiền
        đăng ký thành lập công ty trên mạng mãi không xong
        ban quản lý chợ tăng tiền sạp mà không họp tiểu thương
        thuế môn bài của quán tạp hóa nhỏ quá cao
        người trồng thanh long không bán được hàng
        doanh nghiệp muốn thuê mặt bằng khu công nghiệp nhưng không ai hướng dẫn
        tiệm vàng bán vàng thiếu tuổi
        quán ăn du lịch không ghi giá trên thực đơn
        giá cá tôm thấp, nông dân nuôi trồng lỗ vốn
        xin mở chợ mới cho khu dân cư đông đúc
        hộ kinh doanh bị đòi nộp thuế của năm đã nghỉ bán
        giấy phép kinh doanh karaoke xin mãi không được
        hàng nông sản quá cảnh bị ách tắc ở cửa khẩu
        xin chính sách hỗ trợ làng nghề truyền thống
        chợ truyền thống bị thay bằng trung tâm thương mại, tiểu thương mất chỗ
        giá nước đá tăng vọt mùa hè
        cơ quan thuế bắt hộ kinh doanh online nộp thuế không rõ cách tính
        hàng điện tử xách tay bán không bảo hành, không hóa đơn
        giá dịch vụ trông giữ xe ở chợ tăng gấp đôi
        hợp tác xã rau sạch không tìm được đầu ra
        ngân hàng ép mua bảo hiểm khi vay vốn kinh doanh
        xin giảm tiền thuê sạp chợ vì buôn bán ế ẩm
        hàng Tết bán giá cao bất thường, không niêm yết
        thủ tục xin giấy chứng nhận đầu tư cho dự án nhỏ quá nhiều cửa
        hồ sơ xin phép kinh doanh được yêu cầu bổ sung nhiều lần, mỗi lần một thứ
        hộ kinh doanh bị tính thuế khoán quá cao so với doanh thu thực tế
        chi cục thuế chậm hoàn thuế giá trị gia tăng cho doanh nghiệp xuất khẩu
        cửa hàng tạp hóa bị phạt vì chưa chuyển sang hóa đơn điện tử mà không được hướng dẫn
        tiểu thương bị tăng tiền thuê ki ốt gấp đôi sau khi chợ được giao cho tư nhân quản lý
        ban quản lý chợ thu phí vệ sinh, phí trông xe của tiểu thương cao bất thường
        giá phân bón tăng mạnh, nông dân trồng lúa lỗ vốn
        thương lái ép giá thu mua sầu riêng của nông dân
        dưa hấu vụ này mất giá, đề nghị tỉnh hỗ trợ tìm đầu ra
        cửa hàng xăng dầu treo biển hết hàng để chờ tăng giá
        siêu thị không niêm yết giá, tính tiền cao hơn giá ghi trên kệ
        mỹ phẩm nhái, hàng giả bán tràn lan trên các trang bán hàng trực tuyến
        hàng lậu không rõ nguồn gốc bày bán công khai ở chợ biên giới
        doanh nghiệp nhỏ không tiếp cận được gói vay ưu đãi lãi suất của tỉnh
        quỹ hỗ trợ khởi nghiệp của tỉnh xét duyệt thiếu minh bạch
        nhà đầu tư nộp hồ sơ xin chủ trương đầu tư đã sáu tháng chưa có kết quả
        xin điều chỉnh tiến độ dự án đầu tư mà sở trả lời quá chậm
        doanh nghiệp bị cơ quan thuế phong tỏa tài khoản dù đã nộp đủ thuế
        mã số thuế cá nhân bị trùng với người khác, không quyết toán được thuế thu nhập
        hộ bán hàng online không biết kê khai và nộp thuế thế nào
        giá điện kinh doanh tăng, quán ăn nhỏ không chịu nổi
        giá gas tăng liên tục, nhiều quán ăn phải đóng cửa
        giá vé vào cổng khu du lịch tăng vô lý, du khách than phiền
        khu du lịch biển chặt chém khách, bán đồ ăn giá cắt cổ
        đề nghị xây lại chợ xã đã xuống cấp để tiểu thương có chỗ buôn bán
        hợp tác xã nông nghiệp cần hỗ trợ chứng nhận VietGAP để xuất khẩu
        nông dân trồng cà phê cần hỗ trợ vay vốn tái canh
        công ty chưa được chủ đầu tư nhà nước thanh toán hợp đồng cung cấp thiết bị
        cây xăng bơm thiếu, đồng hồ nhảy số nhanh bất thường
        người bán ở chợ cân điêu, mua một ký chỉ được tám lạng
        đăng ký giải thể doanh nghiệp kéo dài vì phải chờ xác nhận nghĩa vụ thuế
        doanh nghiệp muốn thuê nhà xưởng trong cụm công nghiệp nhưng không biết liên hệ ai
        xin hướng dẫn thủ tục thành lập hợp tác xã
        đề nghị tỉnh tổ chức hội chợ kết nối tiêu thụ nông sản cho bà con
        giá lúa xuống thấp, thương lái không mua, lúa tồn đầy kho
        sản phẩm OCOP của xã chưa có chỗ trưng bày và bán hàng
        ngân hàng chậm giải ngân vốn vay cho hộ kinh doanh nhỏ theo chương trình của tỉnh
        cửa hàng điện máy bán hàng không xuất hóa đơn
        nhà đầu tư điện mặt trời mái nhà chưa được thanh toán tiền bán điện
        giá cước vận chuyển nông sản lên cao, bà con trồng rau không có lãi
        thuế thu nhập cá nhân bị tính trùng khi làm việc ở hai nơi
        bị phạt chậm nộp thuế vì hệ thống nộp thuế điện tử bị lỗi đúng ngày cuối
        doanh nghiệp chờ hoàn tiền ký quỹ bảo đảm thực hiện dự án mấy năm chưa được trả
        nhà đầu tư nước ngoài hỏi thủ tục cấp giấy chứng nhận đăng ký đầu tư
        đề nghị giảm tiền thuê ki ốt cho tiểu thương sau trận lũ
        chợ đầu mối hoạt động lộn xộn, giá cả lên xuống không ai kiểm soát
        đề nghị hỗ trợ chuyển đổi số cho các hộ kinh doanh nhỏ
        doanh nghiệp gặp khó vì giá nguyên liệu tăng, xin giãn nộp thuế
        giá thuê kho lạnh ở cảng cá quá cao so với khả năng của ngư dân
        tiệm vàng mua vào bán ra chênh lệch quá lớn, không niêm yết giá
        doanh nghiệp đề nghị tỉnh công khai danh mục dự án kêu gọi đầu tư
        mình mở quán cà phê nhỏ mà bị thu thuế môn bài mấy năm liền dù đã ngừng kinh doanh
        công ty tôi xin cấp giấy phép kinh doanh rượu đã hai tháng chưa được trả lời
        nông dân nuôi cá lồng bị thương lái bỏ cọc, cá tới lứa không ai mua
        cửa hàng bán lẻ gần nhà tự ý tăng giá gạo, mì gói khi có tin bão
        đề nghị tỉnh hỗ trợ doanh nghiệp tham gia hội chợ xúc tiến thương mại
        chợ cá phường bị dời đi chỗ khác, tiểu thương không có sạp để bán
        dự án nhà máy chế biến nông sản được cấp phép nhiều năm mà chưa khởi công
        hộ kinh doanh nhà trọ không biết phải đóng thuế cho thuê nhà thế nào
        giá thức ăn chăn nuôi tăng liên tục, người nuôi heo bỏ chuồng
        cây xăng bán xăng kém chất lượng làm hỏng xe
    """),
    "moi-truong": _lines("""
        cơ sở chăn nuôi heo xả nước thải ra mương gây mùi hôi nồng nặc
        xưởng sản xuất gây tiếng ồn lớn suốt đêm
        rác thải sinh hoạt ở điểm tập kết không được thu gom nhiều ngày
        khói bụi từ nhà máy gạch làm ô nhiễm không khí khu dân cư
        người dân đốt rác ngoài đồng khói bay vào nhà
        nước sông đổi màu đen và cá chết hàng loạt
        bãi rác tự phát bên đường bốc mùi hôi thối
        doanh nghiệp xả khí thải có mùi khét vào ban đêm
        xe chở cát làm rơi vãi đất cát gây bụi mù mịt
        lò mổ gia súc thải chất bẩn ra cống chung
        cơ sở tái chế nhựa gây mùi khó chịu cho cả khu phố
        ruồi nhặng từ trại gà bay vào nhà dân
        kênh thủy lợi đầy rác và bèo gây ô nhiễm
        xe rác đến thu gom không đúng giờ, rác tràn ra đường
        công ty môi trường thu phí rác mà cả tuần không thu
        nhà máy chế biến thủy sản bốc mùi tanh nồng cả khu
        bãi chôn lấp rác quá tải, nước rỉ rác chảy ra ruộng
        người ta đổ trộm xà bần và phế thải xây dựng ở bãi đất trống
        quán nhậu mở nhạc ầm ĩ đến khuya
        máy cưa gỗ chạy từ sáng sớm đến tối, ồn không chịu nổi
        tiệm sửa xe xịt sơn ra đường, mùi sơn nồng nặc
        trại heo ngay sát nhà dân, nước thải chảy lênh láng
        khói từ lò đốt vàng mã của chùa bay mù mịt
        nước giếng khoan có mùi hôi, nghi do nhà máy xả thải xuống đất
        cá chết trắng hồ điều hòa, bốc mùi khắp khu
        khai thác cát trái phép trên sông ban đêm, ồn và sạt bờ
        xưởng dệt nhuộm xả nước màu xanh đỏ ra suối
        lò than tổ ong đốt ngoài đường khói cay mắt
        người dân vứt xác động vật chết xuống kênh
        túi ni lông, chai lọ trôi đầy bờ biển
        cơ sở sơ chế phế liệu đốt dây điện lấy đồng, khói đen đặc
        nhà máy xi măng gây bụi phủ trắng mái nhà
        tiếng máy phát điện của cửa hàng chạy suốt đêm
        trạm trộn bê tông gây bụi và tiếng ồn cho khu dân cư
        rác y tế bị vứt chung với rác sinh hoạt
        đề nghị đặt thêm thùng rác công cộng ở chợ
        phun thuốc trừ sâu gần khu dân cư, mùi hắc khó thở
        quán karaoke mở loa công suất lớn vọng ra đường suốt đêm
        nước thải khu công nghiệp chảy ra đồng làm lúa chết
        bùn thải từ hầm cầu bị đổ trộm xuống cống
        khu chăn nuôi bò xả phân ra đường làng
        mùi hôi từ nhà máy xử lý rác bay xa cả cây số
        chặt phá rừng phòng hộ đầu nguồn
        người dân đổ rác xuống sông vì không có xe thu gom
        xưởng mộc sơn đồ gỗ ban đêm, mùi dung môi nồng nặc
        bãi tập kết rác ngay cổng trường học
        hố rác của chợ để lâu không xử lý bốc mùi và có chuột
        khói bếp nướng của quán ăn xả thẳng vào nhà bên cạnh
        tàu cá xả dầu thải ra cảng
        chó nuôi sủa cả đêm và phóng uế ra đường
        phân bón và thuốc trừ sâu vứt bao bì bừa bãi ngoài đồng
        xin thu gom rác cồng kềnh sau khi dọn nhà
        hàng xóm đốt lá cây mỗi chiều, khói vào đầy nhà
        mương nước sau nhà đen kịt, bốc mùi nồng
        bọn trẻ con bị ngứa sau khi tắm sông gần nhà máy
        nhà máy giấy thải ra bọt trắng xóa trên sông
        tiếng búa máy đóng cọc từ năm giờ sáng
        rác từ chợ đổ dồn ra bờ kênh
        người ta đổ dầu nhớt thải xuống ruộng
        lò nấu rượu thải bã ra mương làm nước thối
        nhà bên nuôi chim yến, tiếng loa phát âm thanh gọi chim suốt ngày
        xe hút hầm cầu xả chất thải ra bãi đất trống
        đồng ruộng ngập mùi phân bón hóa học sau mỗi đợt bón
        bãi rác gần suối, mùa mưa rác trôi xuống nguồn nước
        khói từ xưởng sấy nông sản làm cay mắt cả xóm
        nước thải từ khu chung cư chảy thẳng ra sông chưa xử lý
        mỏ đá nổ mìn gây bụi và rung nứt nhà
        cơ sở thu mua phế liệu để hàng hóa bốc mùi chua
        nhà máy chạy máy nghiền đá rung cả nhà, ồn đến khuya
        xác chuột chết nằm trên đường mấy ngày không ai dọn
        rác thải nhựa tràn ngập bãi tắm
        nước ao làng đen ngòm, bốc mùi vì người ta xả chuồng heo
        cơ sở nấu cao su thải khí hôi nồng
        lò đốt rác của xã xả khói đen mỗi chiều
        thùng rác công cộng bị đầy tràn, chó mèo bới tung
        tiệm giặt là xả nước có hóa chất ra hẻm
        xả thải từ tàu du lịch xuống vịnh
        nuôi tôm xả nước thải ra cửa sông
        bụi than từ bến tập kết than bay vào nhà dân
        đề nghị có lịch thu gom rác cố định cho thôn
        doanh nghiệp chờ cấp phép xả thải để khởi công nhà máy mấy tháng
        xe thu gom rác đến không đúng giờ, rác tồn đọng cả tuần
        đề nghị đặt thêm thùng rác công cộng ở khu chợ
        xin bố trí thùng rác ở đầu hẻm vì người dân phải vứt rác ven đường
        điểm tập kết rác đặt ngay trước cửa nhà, nước rỉ rác chảy ra
        người dân đổ rác xuống sông, kênh đầy rác
        trại nuôi heo xả nước thải ra suối, mùi hôi khắp làng
        trại gà gần khu dân cư, ruồi bay vào nhà
        nhà máy giấy xả khói đen mỗi tối
        lò gạch thủ công gây khói bụi mịt mù
        lò than củi tự phát gây ô nhiễm không khí
        bãi rác của xã quá tải, bốc mùi nồng nặc
        người dân đốt rơm rạ sau mùa gặt, khói mù mịt
        cơ sở tái chế nhựa phế liệu bốc mùi khét
        mỏ đá nổ mìn, bụi đá phủ trắng nhà dân
        khai thác cát trái phép trên sông ban đêm
        rừng phòng hộ đầu nguồn bị chặt phá
        xưởng mộc phun sơn, mùi sơn nồng nặc cả xóm
        loa kẹo kéo hát karaoke ngoài đường đến nửa đêm
        tiếng ồn từ nhà máy gạch chạy suốt đêm
        cơ sở giết mổ gia súc xả máu và chất thải ra cống
        rác thải y tế của phòng khám bỏ chung với rác sinh hoạt
        nước thải của khu công nghiệp làm cá chết hàng loạt ở hồ
        nhà hàng hải sản xả nước thải ra bãi biển
        người dân vứt xác heo chết xuống mương
        công trình san lấp làm đất đỏ trôi xuống suối, nước đục ngầu
        xin phát túi đựng rác và hướng dẫn phân loại rác tại nguồn
        phí thu gom rác tăng mà dịch vụ không cải thiện
        rác thải nhựa dạt kín bờ biển sau bão
        quán ốc đổ vỏ ốc và nước thải ra vỉa hè
        cơ sở ủ phân bón hữu cơ bốc mùi nồng ở đầu thôn
        xưởng cơ khí mài kim loại ồn ào cả ngày
        bụi mịn dày đặc, bầu trời lúc nào cũng mờ đục
        người ta đổ trộm chất thải công nghiệp ban đêm ở rừng keo
        ao nuôi tôm xả nước thải ra đồng ruộng
        bãi chôn lấp rác rò rỉ nước đen ra ruộng lúa
        nhà bên cạnh nuôi chim yến, tiếng loa phát âm thanh gọi chim cả ngày
        người ta đốt dây điện lấy đồng, khói đen độc hại
        mùi hôi từ nhà máy chế biến thủy sản bay khắp khu dân cư mỗi tối
        xe hút hầm cầu xả chất thải ra ruộng ban đêm
        quán bar mở nhạc xập xình đến hai giờ sáng, không ai ngủ được
        hàng xóm nuôi mấy chục con chó, tiếng sủa và mùi hôi suốt ngày
        đề nghị thu gom rác hai lần một tuần cho thôn vùng ven
        lò đốt rác của xã bốc khói mù mịt mỗi chiều
        rác thải ở cổng trường không được thu gom, bốc mùi
        khói từ lò đốt rác của bệnh viện bay vào khu dân cư
    """),
    "thu-tuc-hanh-chinh": _lines("""
        hồ sơ đăng ký khai sinh cho con nộp trực tuyến đã quá hạn vẫn chưa được trả
        cổng dịch vụ công báo lỗi khi thanh toán, tiền đã bị trừ
        bộ phận một cửa yêu cầu nộp thêm giấy tờ không có trong quy định
        làm căn cước công dân cho người cao tuổi phải đi lại nhiều lần
        đăng ký thường trú bị trả hồ sơ mà không nêu lý do
        chứng thực bản sao phải chờ cả buổi sáng
        hồ sơ đăng ký kết hôn trễ hẹn mà không có phiếu xin lỗi
        không đăng nhập được tài khoản định danh điện tử để nộp hồ sơ
        xin giấy xác nhận tình trạng hôn nhân bị hẹn lại nhiều lần
        hướng dẫn thủ tục trên cổng dịch vụ công không rõ ràng
        hồ sơ trích lục khai tử nộp qua mạng bị treo ở trạng thái chờ
        máy lấy số thứ tự ở bộ phận một cửa thường xuyên hỏng
        phải photo công chứng nhiều bộ giấy tờ dù đã có dữ liệu dân cư
        đăng ký tạm trú trực tuyến không nhận được kết quả
        nộp hồ sơ online rồi vẫn bị bắt mang bản giấy lên
        ứng dụng VNeID báo lỗi không kích hoạt được tài khoản mức hai
        làm lại căn cước bị mất mà hẹn hai tháng chưa có
        đổi giấy phép lái xe trên cổng dịch vụ công bị lỗi thanh toán
        hồ sơ chuyển hộ khẩu bị trả về vì thiếu một chữ ký
        bộ phận tiếp nhận hồ sơ làm việc trễ giờ, mở cửa muộn
        phiếu hẹn trả kết quả ghi ngày đã qua mà vẫn chưa có kết quả
        tra cứu tình trạng hồ sơ trên mạng không thấy thông tin
        khai sinh cho con ở nơi tạm trú bị từ chối tiếp nhận
        cổng dịch vụ công bị treo không nộp được hồ sơ cả ngày
        sai thông tin ngày sinh trên căn cước, xin điều chỉnh bị hẹn mãi
        xin cấp bản sao giấy khai sinh gốc bị yêu cầu về quê làm
        chữ ký số không dùng được trên cổng dịch vụ công
        thu phí chứng thực cao hơn biểu phí niêm yết
        thủ tục cấp lại giấy chứng tử cho người mất lâu năm quá phức tạp
        không có chỗ ngồi chờ ở bộ phận một cửa, người già phải đứng
        đăng ký biến động đất đai phải chờ lâu mà không có giấy hẹn
        thanh toán lệ phí trực tuyến bị trừ tiền hai lần
        hệ thống dịch vụ công không gửi mã OTP về điện thoại
        nhận kết quả qua bưu điện nhưng không thấy bưu điện giao
        hồ sơ hộ tịch bị ghi sai tên cha mẹ, đề nghị sửa
        xác nhận cư trú cho con đi học bị hẹn nhiều ngày
        quy định mới về thủ tục không được niêm yết công khai
        thủ tục nhận con nuôi kéo dài hơn một năm
        đăng ký khai tử cho mẹ nhưng xã bảo phải về nơi thường trú
        hồ sơ cấp phiếu lý lịch tư pháp quá hạn chưa có kết quả
        lịch hẹn trực tuyến đặt rồi đến nơi không ai tiếp
        mẫu tờ khai trên mạng khác với mẫu ở bộ phận một cửa
        hồ sơ nộp qua dịch vụ công bị từ chối với lý do chung chung
        làm thủ tục đăng ký xe máy phải chờ cả ngày
        đề nghị bộ phận một cửa làm việc cả sáng thứ bảy
        không được hướng dẫn cách nộp hồ sơ cho người không dùng điện thoại thông minh
        xin giấy xác nhận độc thân để làm hồ sơ vay vốn mà chờ hai tuần
        đồng bộ dữ liệu dân cư sai nên không làm được hộ chiếu
        làm hộ chiếu trực tuyến bị trả hồ sơ vì ảnh không đạt
        ra xã làm giấy tờ mà phải chờ từ sáng đến trưa
        đã nộp đủ giấy tờ mà vẫn bị bảo về bổ sung
        hỏi thủ tục cấp lại giấy khai sinh bị mất
        muốn đăng ký thường trú cho con ở nhà ông bà thì cần gì
        nộp hồ sơ qua bưu điện mà không thấy phản hồi
        thủ tục xác nhận cho người đi làm ở nước ngoài quá lâu
        đăng ký giám hộ cho cháu mồ côi bị yêu cầu nhiều giấy tờ
        sau sáp nhập xã không biết nộp hồ sơ ở đâu
        tài khoản dịch vụ công bị khóa, không lấy lại được
        hồ sơ đã duyệt rồi nhưng chưa được ký trả
        trang dịch vụ công bắt tải lên bản scan nhưng luôn báo lỗi dung lượng
        quá hạn trả kết quả mà không ai giải thích
        xin cấp bản sao trích lục kết hôn cũ
        thủ tục đổi tên cho con bị từ chối không rõ lý do
        làm giấy ủy quyền phải chờ ba ngày
        lệ phí đăng ký hộ tịch thu khác nhau giữa các xã
        đi làm giấy khai sinh cho con mà cán bộ hẹn thứ hai tuần sau
        làm thủ tục đăng ký lại khai sinh bị trả vì thiếu xác nhận
        cổng dịch vụ công hiển thị hồ sơ đã xong mà không có kết quả
        không biết nộp lệ phí ở đâu khi nộp hồ sơ trực tuyến
        đăng ký thường trú cho vợ bị yêu cầu giấy tờ ở quê
        xin giấy xác nhận thông tin cư trú để đi làm mà bị từ chối
        làm căn cước gắn chip mà mãi chưa có thẻ
        hồ sơ đã được tiếp nhận nhưng không có biên nhận
        máy tra cứu tại bộ phận một cửa không hoạt động
        tờ khai trực tuyến không cho sửa khi nhập sai
        quá hạn đăng ký khai sinh bị phạt mà không được giải thích
        thủ tục đăng ký kết hôn với người nước ngoài kéo dài
        đăng ký khai sinh cho con ở phường mà phải chờ cả tuần
        làm căn cước cho con đã hai tháng chưa có thẻ
        tài khoản định danh điện tử bị lỗi, không đăng nhập được VNeID
        cổng dịch vụ công báo lỗi khi thanh toán lệ phí, tiền đã trừ mà hồ sơ chưa được nhận
        nộp hồ sơ trực tuyến xong vẫn bị yêu cầu mang bản giấy lên nộp lại
        bộ phận một cửa yêu cầu bản sao chứng thực dù đã có bản điện tử
        xin trích lục khai sinh mà phải về nơi đăng ký cũ
        hồ sơ đăng ký kết hôn với người nước ngoài kéo dài quá hạn
        xin xác nhận tình trạng hôn nhân bị đòi giấy tờ ngoài quy định
        đăng ký thường trú cho con mà phường bắt bổ sung giấy tờ nhiều lần
        đăng ký tạm trú trực tuyến không gửi được hồ sơ
        chứng thực bản sao ở xã phải chờ cả buổi vì chỉ có một người làm
        phiếu lý lịch tư pháp đã quá ngày hẹn mà chưa có
        hồ sơ trễ hẹn mà không nhận được thư xin lỗi
        bộ phận một cửa phường đông quá, lấy số từ sáng đến chiều chưa tới lượt
        máy lấy số thứ tự ở trung tâm hành chính công bị hỏng
        sau sáp nhập xã, không biết nộp hồ sơ hộ tịch ở đâu
        hộ chiếu làm trực tuyến đã quá hẹn chưa nhận được
        khai tử cho bố mà xã đòi thêm giấy xác nhận không cần thiết
        đề nghị cho nhận kết quả hồ sơ qua bưu điện
        trung tâm phục vụ hành chính công chỉ làm giờ hành chính, người đi làm không kịp
        xin hướng dẫn cập nhật địa chỉ mới trên căn cước sau khi sáp nhập xã
        chữ ký số không dùng được trên cổng dịch vụ công của tỉnh
        tra cứu mã hồ sơ trên cổng dịch vụ công báo không tồn tại
        lệ phí chứng thực sao y tính cao hơn quy định
        hồ sơ cải chính hộ tịch bị trả lại không nêu lý do
        xin cấp giấy xác nhận cư trú mà bị hẹn đi hẹn lại
        hồ sơ khai sinh trực tuyến bị từ chối vì ảnh giấy chứng sinh mờ
        xin hướng dẫn thủ tục đăng ký giám hộ cho cháu
        ứng dụng dịch vụ công trên điện thoại đăng nhập mãi không được
        dịch vụ công trực tuyến toàn trình nhưng vẫn phải lên phường ký
        giấy hẹn trả kết quả bị sửa ngày mà không báo trước
        con tôi sinh ở nước ngoài về, không biết làm giấy khai sinh ở đâu
        làm lại căn cước bị mất mà phải đi lại ba lần vì máy hỏng
        hồ sơ đăng ký xe máy trên cổng dịch vụ công mãi không được duyệt
        em muốn hỏi làm thủ tục nhập khẩu cho vợ thì cần giấy tờ gì
        xin chứng thực chữ ký mà xã bảo phải lên tỉnh
    """),
    "trat-tu-xay-dung": _lines("""
        nhà bên cạnh xây dựng không phép, lấn sang phần đất chung
        quán ăn dựng mái che kiên cố lấn chiếm hết vỉa hè
        công trình xây sai phép, cao hơn số tầng được cấp
        hàng quán bày bán tràn xuống lòng đường gây cản trở
        nhà xây trên đất nông nghiệp mà không ai xử lý
        chủ nhà cơi nới ban công lấn ra không gian chung
        xe tập kết vật liệu xây dựng chiếm dụng vỉa hè nhiều tuần
        công trình nhà cao tầng thi công làm nứt tường nhà bên cạnh
        tường rào xây lấn ra hẻm làm hẻm bị thu hẹp
        nhà xưởng xây dựng trái phép trong khu dân cư
        người dân dựng lều quán trên vỉa hè ven hồ
        nhà bên cạnh xây cao che hết ánh sáng, mở cửa sổ nhìn sang nhà tôi
        công trình thi công cả ban đêm, đổ bê tông lúc nửa đêm
        biển quảng cáo dựng trái phép che khuất tầm nhìn
        bảng hiệu quảng cáo treo kín cả mặt tiền nhà phố
        nhà hàng xóm xây bể phốt sát tường nhà tôi, nước ngấm sang
        nhà ống xây thêm tầng tum không có giấy phép
        cửa hàng để xe máy của khách kín vỉa hè, người đi bộ phải xuống lòng đường
        chung cư tự ý chuyển tầng hầm để xe thành nơi kinh doanh
        chủ đầu tư xây thêm tầng so với thiết kế được duyệt
        người dân lấn chiếm hành lang kênh để xây nhà
        quán cà phê kê bàn ghế ra hết vỉa hè và cả lòng đường
        nhà trọ xây trái phép cho công nhân thuê, không đảm bảo an toàn
        công trình không treo biển báo thông tin giấy phép xây dựng
        nhà hàng xóm đào móng làm lún nền nhà tôi
        dựng rào tôn chiếm một nửa con hẻm để chứa vật liệu
        tiệm vật liệu xây dựng bày hàng ra cả vỉa hè
        xây dựng nhà trên đất quy hoạch làm đường
        căn nhà bỏ hoang xuống cấp, tường có vết nứt lớn
        phường đã lập biên bản nhưng công trình vi phạm vẫn tiếp tục xây
        chợ tạm họp tràn ra đường gây mất trật tự đô thị
        nhà hàng xóm làm mái tôn xả nước mưa sang mái nhà tôi
        dựng nhà tiền chế trên vỉa hè để bán hàng
        cải tạo nhà cũ thành nhà nhiều tầng mà không xin phép
        trụ sở công ty chiếm dụng vỉa hè làm bãi giữ xe
        khu đất trống bị quây tôn xây dựng không rõ chủ
        hàng rong chiếm lối đi ở cổng bệnh viện
        công trình xả nước thải xây dựng và bùn đất ra đường
        xây dựng lấn ra mương thoát nước chung của xóm
        người ta xây nhà nghỉ cao tầng trong ngõ nhỏ
        đề nghị cưỡng chế công trình vi phạm đã có quyết định từ lâu
        tiệm sửa xe chiếm vỉa hè làm chỗ sửa xe
        gara ô tô đậu xe kín lòng đường trước nhà dân
        biển quảng cáo cũ bị rách, khung sắt rỉ sét trên nóc nhà
        mái che di động của nhà hàng vươn ra quá mép vỉa hè
        nhà trong hẻm xây lố ra ba mét so với chỉ giới
        công trình chung cư mới thi công bịt kín lối đi của xóm
        người dân xây bậc tam cấp lấn xuống lòng đường
        công trình tôn giáo xây dựng không phép
        xây dựng nhà trái phép trên đất rừng phòng hộ
        nhà trong hẻm xây lấn làm xe rác không vào được
        cửa hàng tôn sắt cắt hàng ngay trên vỉa hè
        người ta xây kiốt trên đất lưu không cạnh chợ
        dựng khung sắt quảng cáo trên vỉa hè chắn lối đi
        hàng xóm xây tường chắn cửa sổ nhà tôi
        quán nhậu căng bạt ra giữa đường làm đám cưới
        chủ công trình đổ vật liệu chiếm nửa hẻm cả tháng
        nhà nghỉ xây sai thiết kế thêm hai tầng
        tiệm rửa xe chiếm vỉa hè, nước chảy lênh láng
        làm mái che bằng tôn sát lưới điện
        công trình không có giấy phép nhưng vẫn được cấp điện nước
        nhà ở riêng lẻ xây thành khách sạn mini
        người bán hoa quả bày hàng dưới lòng đường trước cổng chợ
        xây nhà kho trên hành lang đê
        hàng xóm xây phòng trên sân thượng lấn sang mái nhà tôi
        dãy ki ốt trái phép mọc lên trên đất công viên
        nhà bên cạnh xây ba tầng mà giấy phép chỉ có hai
        công trình đổ bê tông tràn sang tường nhà tôi
        bãi giữ xe tự phát chiếm hết vỉa hè trước trung tâm thương mại
        nhà phố đặt bồn cây kiểng và ghế đá trên vỉa hè
        xây nhà không chừa khoảng lùi, lấn ra sát mép đường
        cơi nới mái tôn lấn ra không gian hẻm
        chủ quán hát đặt loa và sân khấu trên vỉa hè
        dựng cổng chào kiên cố chắn lối vào hẻm
        hàng ăn sáng chiếm lòng đường ngay ngã tư
        phường không xử lý công trình vi phạm dù đã có quyết định
        xe bồn bê tông đậu chiếm nửa đường để đổ sàn
        nhà xây sát bờ sông lấn ra lòng sông
        thủ tục xin giấy phép xây dựng nhà ở quá nhiều bước
        lòng đường có đống cát sỏi của công trình để nhiều ngày
        bãi giữ xe tự phát trên lòng đường gây kẹt xe
        nhà bên cạnh xây bốn tầng trong khi giấy phép chỉ cho ba tầng
        người ta cơi nới ban công nhô ra lấn không gian hẻm
        quán cà phê bày bàn ghế kín vỉa hè, người đi bộ phải xuống lòng đường
        cửa hàng dựng mái che kiên cố lấn chiếm vỉa hè
        tiệm sửa xe máy chiếm lòng đường làm chỗ sửa xe
        biển quảng cáo dựng trái phép che khuất tầm nhìn ở ngã ba
        băng rôn quảng cáo treo chằng chịt trên cây và cột điện
        công trình xây dựng bên cạnh làm nứt tường nhà tôi, chủ đầu tư không chịu sửa
        vật liệu xây dựng đổ chắn lối đi chung của hẻm
        nhà dân xây lấn ra hành lang bảo vệ kênh mương
        công trình xây dựng không che chắn, vữa rơi xuống nhà bên cạnh
        công trình đang thi công không treo biển thông tin giấy phép
        nhà dân xây tường rào lấn ra hẻm làm hẹp lối đi
        chủ căn hộ tự ý đục phá tường chịu lực trong chung cư
        nhà cao tầng xây sai thiết kế, thêm tầng tum
        quán nhậu dựng nhà tạm bằng khung sắt trên hành lang an toàn đường bộ
        tiệm tạp hóa bày hàng ra giữa lòng hẻm
        người dân tự xây bậc tam cấp nhô ra đường
        đội trật tự dọn lấn chiếm vỉa hè xong hôm sau người ta lại bày ra
        công trình xây xong không tháo dỡ lán trại, vật liệu thừa để ngổn ngang
        biển hiệu quán karaoke quá khổ, gắn trên nóc nhà không chắc chắn
        chung cư mini xây sai phép cho thuê hàng chục phòng
        cải tạo nhà phố thành khách sạn nhiều tầng mà không xin phép
        quảng cáo rao vặt dán kín tường nhà dân và cột đèn
        căn nhà bên cạnh đào tầng hầm mà không có giấy phép
        nhà hàng tiệc cưới dựng rạp chiếm hết vỉa hè và một phần lòng đường
        chủ đầu tư khu đô thị tự ý xây thêm nhà trên phần đất quy hoạch cây xanh
        nhà hàng xóm xây trổ cửa sổ nhìn thẳng sang nhà tôi
        nhà xây sai phép chỉ bị phạt tiền rồi vẫn tồn tại
        chợ tự phát họp trên vỉa hè và lòng đường mỗi sáng
        xưởng tôn dựng nhà khung thép không phép giữa khu dân cư
        người ta xây nhà trên đường thoát hiểm của chung cư
        nhà đối diện đang xây mà không thấy giấy phép, đổ bê tông cả đêm
        người ta dựng lều bán hàng trên vỉa hè trước cổng trường
        hàng xóm xây nhà cao hơn giấy phép, che hết ánh sáng nhà tôi
        tiệm rửa xe chiếm trọn vỉa hè, nước xả ra đường
        chung cư mới xây đã nứt tường, thấm dột khắp nơi
        công ty đặt biển quảng cáo khổ lớn trên đất nông nghiệp ven quốc lộ
        quán ăn trước cổng trường lấn chiếm vỉa hè, học sinh phải đi dưới lòng đường
    """),
    "y-te": _lines("""
        bệnh viện huyện quá tải, bệnh nhân phải nằm ghép
        trạm y tế xã thiếu thuốc điều trị bệnh mãn tính
        thẻ bảo hiểm y tế không được chấp nhận khi đi khám
        cơ sở bán thức ăn đường phố mất vệ sinh an toàn thực phẩm
        phòng khám tư nhân quảng cáo sai sự thật
        chờ khám bệnh từ sáng đến chiều mới đến lượt
        bệnh viện thu thêm tiền ngoài danh mục bảo hiểm y tế
        hiệu thuốc bán thuốc kháng sinh không cần đơn
        chưa được tiêm vắc xin cho trẻ theo lịch
        cơ sở sản xuất giò chả dùng hàn the
        xe cấp cứu đến chậm hơn một giờ khiến gia đình rất bức xúc
        bác sĩ khám qua loa, không giải thích bệnh cho người nhà
        bệnh viện bắt người bệnh tự mua thuốc ở ngoài dù có bảo hiểm
        nhà vệ sinh bệnh viện bẩn, không có nước
        điều dưỡng quát mắng bệnh nhân và người nhà
        bảo vệ bệnh viện thu tiền giữ xe cao hơn quy định
        thuốc trong danh mục bảo hiểm y tế luôn hết, phải mua ngoài
        phòng khám không phép hoạt động trong khu dân cư
        quán ăn dùng dầu ăn chiên đi chiên lại nhiều lần
        chợ bán thịt heo không có dấu kiểm dịch
        cơ sở làm bánh mì không có giấy an toàn thực phẩm
        người bán rau phun thuốc kích thích rồi đem ra chợ bán
        thẻ bảo hiểm y tế bị sai thông tin, đi khám không được hưởng
        chuyển tuyến lên bệnh viện tỉnh phải xin giấy rất khó khăn
        trạm y tế xã chỉ mở cửa buổi sáng
        tiêm chủng mở rộng thiếu vắc xin nhiều tháng
        nhà thuốc bán thuốc giả, thuốc không rõ nguồn gốc
        thực phẩm chức năng quảng cáo chữa được bách bệnh trên mạng
        bếp ăn công ty nấu thức ăn ôi thiu cho công nhân
        muỗi nhiều, xin phun thuốc diệt muỗi phòng sốt xuất huyết
        bệnh viện kê đơn thuốc đắt tiền, ép mua tại quầy thuốc của bệnh viện
        đặt lịch khám qua mạng rồi vẫn phải xếp hàng như thường
        bệnh viện không có chỗ cho người nhà nằm chờ
        máy chụp cắt lớp của bệnh viện hỏng nhiều tuần
        kết quả xét nghiệm trả chậm, phải đi lại nhiều lần
        nước uống đóng bình không có nhãn mác bán trong khu dân cư
        cơ sở massage hành nghề y không phép, châm cứu tại nhà
        phòng khám nha khoa làm hỏng răng rồi không chịu trách nhiệm
        bảo hiểm y tế chỉ thanh toán một phần dù đúng tuyến
        thiếu bác sĩ ở trạm y tế vùng cao
        bán thuốc lá cho trẻ em ngay cổng trường
        cơ sở giết mổ gia cầm không kiểm dịch, bán ra chợ
        sữa bột cho trẻ bán ở cửa hàng đã hết hạn sử dụng
        người bệnh tâm thần lang thang ngoài đường không ai chăm sóc
        khám sức khỏe xin việc bị thu tiền cao
        dịch vụ y tế tại nhà thu tiền không rõ ràng
        cơ sở thẩm mỹ không phép tiêm filler cho khách
        xin tăng giờ làm việc của phòng khám ngoài giờ
        bệnh viện không xuất hóa đơn viện phí
        đề nghị kiểm tra vệ sinh các quán ăn quanh bến xe
        bệnh viện không cho người nhà vào thăm, thủ tục rườm rà
        nhân viên y tế tiết lộ bệnh án của người bệnh
        đi khám mà bác sĩ không nhìn mặt bệnh nhân
        con tôi bị tay chân miệng mà trạm y tế không có thuốc
        mua bánh ở tiệm gần trường, về cả nhà đau bụng
        quán bún dùng nước lã và đũa bẩn
        tiêm ngừa cho con phải xếp hàng từ năm giờ sáng
        bệnh viện thu phí giường dịch vụ mà không hỏi ý kiến
        xin cấp lại thẻ bảo hiểm y tế bị mất
        bảo hiểm y tế trái tuyến không được thanh toán
        người ta bán thịt bò giả làm từ thịt heo
        bác sĩ nhận phong bì mới khám kỹ
        nhà thuốc gần chợ bán thuốc hết hạn
        xin phun khử khuẩn khu trọ có người mắc lao
        khoa nhi quá đông, hai ba cháu nằm chung một giường
        trạm y tế không có bác sĩ trực ban đêm
        cơ sở làm đá viên dùng nước giếng không qua xử lý
        xin tổ chức khám sức khỏe định kỳ cho người già
        con tôi sốt cao đi khám mà bác sĩ cho về không xét nghiệm
        quán trà sữa dùng nguyên liệu không nhãn mác
        cơ sở giết mổ heo bơm nước vào thịt
        bệnh nhân chạy thận phải chờ máy rất lâu
        trạm y tế thiếu vắc xin phòng dại
        phòng khám tư kê thuốc quá nhiều, thu tiền cao
        xe bán đồ ăn trước cổng trường không đảm bảo vệ sinh
        bệnh viện bắt nằm viện dài ngày không cần thiết
        bảo hiểm y tế hộ gia đình tăng giá mà không báo
        thuốc chữa tiểu đường ở trạm y tế hết mấy tháng
        bác sĩ tư vấn phẫu thuật không cần thiết để thu tiền
        chợ bán cá ướp hóa chất cho tươi lâu
        xin cấp thẻ bảo hiểm y tế cho hộ cận nghèo
        quán cơm bụi dùng thịt ôi thiu, rau không rửa sạch
        cơ sở làm giò chả dùng hàn the
        lò giết mổ gia cầm bán thịt không có giấy kiểm dịch
        trà sữa bán trước cổng trường không rõ nguồn gốc nguyên liệu
        tiệm bánh dùng phẩm màu công nghiệp
        thực phẩm chức năng được quảng cáo chữa bách bệnh, bán cho người già ở hội thảo
        nhà thuốc bán kháng sinh không cần đơn
        phòng khám tư có người hành nghề không có chứng chỉ
        trạm y tế xã thiếu thuốc, người bệnh phải ra ngoài mua
        khám bảo hiểm y tế phải chờ từ sáng đến chiều
        bệnh viện tuyến dưới bắt chuyển tuyến dù bệnh nhẹ
        bảo hiểm y tế không thanh toán một số loại thuốc, bệnh nhân phải tự mua
        thẻ bảo hiểm y tế của con tôi bị in sai ngày sinh
        bệnh viện thiếu máy chạy thận, bệnh nhân phải chờ lượt
        căng tin bệnh viện bán đồ ăn đắt và kém vệ sinh
        bệnh nhân phải nằm hành lang vì bệnh viện thiếu giường
        xin tổ chức tiêm vắc xin sởi cho trẻ ở thôn vùng sâu
        trong xóm có mấy người bị sốt xuất huyết, xin phun thuốc diệt muỗi
        trường mầm non có ca tay chân miệng mà chưa được khử khuẩn
        thẩm mỹ viện không phép tiêm chất làm đầy gây biến chứng
        phòng khám đa khoa quảng cáo sai sự thật, vẽ bệnh để thu tiền
        nhà thuốc bán thuốc giả, thuốc hết hạn
        bệnh viện thu tiền khám dịch vụ mà không đưa hóa đơn
        đề nghị có xe cấp cứu trực thường xuyên ở xã đảo
        kết quả siêu âm ở hai bệnh viện khác nhau, nghi bị chẩn đoán sai
        bếp ăn tập thể ở khu công nghiệp không đảm bảo vệ sinh
        rượu trắng nấu bằng cồn công nghiệp bán ở tiệm tạp hóa
        thịt heo bơm nước bày bán ngoài chợ
        rau vừa phun thuốc trừ sâu đã đem ra chợ bán
        bánh trung thu không nhãn mác bán tràn lan
        bệnh viện không cho người nhà vào chăm bệnh nhân nặng
        phòng tiêm chủng dịch vụ tiêm sai lịch cho trẻ
        hiệu thuốc đông y bán thuốc không rõ nguồn gốc, quảng cáo chữa được ung thư
        nước đá dùng ở các quán giải khát được làm từ nước bẩn
        phụ nữ sinh con ở trạm y tế xã mà không có bác sĩ sản
        bệnh viện tỉnh quá tải, xếp hàng lấy số khám từ bốn giờ sáng
        xin cấp lại thẻ bảo hiểm y tế sau khi đổi căn cước
        ba tôi đi khám ở bệnh viện huyện mà phải chờ kết quả xét nghiệm cả ngày
        phòng khám tư ở xã bán thuốc không ghi tên thuốc, uống vào bị dị ứng
        quán phở gần chợ dùng thịt bò không rõ nguồn gốc, nghi thịt heo tẩm máu bò
        xin cho trạm y tế có thêm thuốc tiểu đường cho người già
        bệnh viện yêu cầu người bệnh tự mua vật tư y tế bên ngoài
        con tôi tiêm vắc xin ở trạm y tế về bị sốt cao, trạm không hướng dẫn gì
        cơ sở sản xuất nước mắm pha hóa chất, không có giấy phép an toàn thực phẩm
        quán ăn trong bến xe bán thức ăn ôi thiu
        công nhân ăn ở căng tin công ty bị đau bụng nhiều lần
        hàng nước mía bên đường dùng đá bẩn
        hộ cận nghèo không được cấp thẻ bảo hiểm y tế miễn phí
    """),
}

# Problems that put life, health, safety or property in danger now: the urgency model's positives.
URGENT = {
    "an-ninh-trat-tu": _lines("""
        gây rối, đánh nhau bằng dao ở quán nhậu, có người bị đâm
        nhóm thiếu niên mang hung khí, mã tấu đang rượt đuổi nhau ngoài đường
        đang có đám cháy lớn ở dãy nhà trọ, người còn mắc kẹt bên trong
        nhà dân bốc cháy dữ dội, lửa lan sang nhà bên cạnh
        rò rỉ khí gas trong nhà hàng, mùi gas nồng nặc khắp dãy phố
        cháy chợ, khói lửa bốc cao, tiểu thương đang tháo chạy
        con tôi tám tuổi đi học về mà mất tích từ chiều tới giờ
        có người đuối nước ở hồ, chưa tìm thấy
        chồng say rượu đang đánh vợ con, trẻ em kêu cứu
        kẻ trộm đang đột nhập vào nhà hàng xóm, người nhà đi vắng
        người say rượu cầm dao đe dọa giết hàng xóm
        cướp giật túi xách làm người phụ nữ ngã xuống đường bị thương nặng
        hai nhóm thanh niên đang hỗn chiến bằng gậy gộc trước cổng chợ
        người đàn ông ngáo đá đang cầm dao khống chế người thân trong nhà
        cháy rừng lan nhanh về phía khu dân cư
        tủ điện nhà bên cạnh chập cháy, khói đen bốc ra
        trẻ em bị người lạ bắt đi trước cổng trường
        nổ bình gas ở quán ăn, có người bị bỏng nặng
        cửa hàng xăng dầu đang cháy gần khu dân cư
        đám đông đang tụ tập đánh người nghi trộm chó
        có người đang đánh nhau ngoài đầu hẻm, có người cầm gạch
        nhà bên cạnh đang cháy, khói đen mù mịt
        mùi gas xì ra từ nhà hàng xóm, gọi cửa không ai trả lời
        có thằng cầm dao đứng chửi trước nhà, cả nhà sợ không dám ra
        trộm đang cạy cửa nhà bên cạnh, tôi nhìn thấy qua cửa sổ
        nhà kho gỗ bốc cháy, lửa đang lan
        ống dẫn khí gas của khu chung cư bị rò, mùi gas nồng nặc
        hai nhóm thanh niên cầm dao kiếm đang chém nhau trước quán karaoke
        có kẻ trộm đang trèo vào nhà hàng xóm, chúng tôi đang canh ở ngoài
        xưởng gỗ bốc cháy dữ dội, có công nhân chưa thoát ra được
        người đàn ông say rượu đang đập phá, dọa đốt nhà khi vợ con còn bên trong
        cháy căn hộ chung cư, khói đen tràn vào hành lang, nhiều người mắc kẹt trên tầng cao
        một cháu bé bị rơi xuống giếng sâu, người nhà đang kêu cứu
        có người đang đứng trên lan can cầu định nhảy xuống sông
    """),
    "an-sinh-xa-hoi": _lines("""
        công nhân bị máy cuốn tay trong xưởng, công ty không đưa đi cấp cứu
        bà cụ sống một mình đã nhiều ngày không có gì ăn, đang ốm nặng
        sau lũ nhiều hộ bị cô lập, hết lương thực và nước uống
        người lao động bị chủ giam giữ, không cho về nhà
        công nhân bị ngạt khí khi vệ sinh bồn chứa trong xưởng, đang nằm bất tỉnh
        hai vợ chồng già bệnh nặng nằm liệt trong nhà, không ai chăm sóc, đã hai ngày chưa ăn
    """),
    "can-bo-cong-vu": _lines("""
        cán bộ phường đang đánh người bán hàng rong ngoài chợ
        cán bộ cưỡng chế xô ngã cụ bà, cụ đang bị thương chảy máu
    """),
    "giao-duc": _lines("""
        phòng học xuống cấp, trần nhà bong tróc đang rơi xuống đầu học sinh
        học sinh bị ngộ độc sau bữa ăn bán trú, nhiều em phải đi viện
        giáo viên có hành vi bạo lực với học sinh, em bé bị đánh chảy máu
        mái tôn phòng học bị gió bão thổi tốc, học sinh vẫn đang trong lớp
        tường rào trường học nứt nghiêng, có nguy cơ đổ vào học sinh
        trẻ mầm non bị bỏ quên trên xe đưa đón của trường
        học sinh bị nhóm bạn đánh hội đồng ngay trong sân trường, đang bị thương
        cháy trong phòng thí nghiệm của trường khi học sinh đang học
        trần thạch cao phòng học vừa sập khi học sinh đang học, có em bị thương
        học sinh bị điện giật từ ổ điện hở trong lớp học, đang đưa đi cấp cứu
    """),
    "giao-thong": _lines("""
        mặt đường đột nhiên sụt thành hố lớn, xe máy vừa rơi xuống
        cầu dân sinh bị sụt lún, xe tải vẫn đi qua rất nguy hiểm
        cầu treo bị đứt cáp một bên, người dân vẫn đi qua
        đất đá sạt lở tràn xuống quốc lộ, xe không qua được
        sạt lở taluy dương trên đường đèo, đá vẫn đang lăn xuống
        xe tải bị lật chắn ngang đường, hàng hóa đổ ra
        tai nạn giao thông vừa xảy ra ở ngã tư, có người bị thương nặng
        nước lũ chảy xiết qua ngầm tràn mà xe vẫn cố vượt
        dầu nhớt đổ loang trên đường dốc, nhiều xe máy trượt ngã
        mố cầu bị nước lũ xói lở, cầu có nguy cơ sập
        đường ven sông bị sạt lở, hàm ếch ăn sâu vào mặt đường
        xe chở đá làm rơi đá hộc giữa đường cao tốc
        rào chắn đường ngang bị hỏng trong khi tàu sắp chạy qua
        đèn tín hiệu tắt hết giữa giờ cao điểm, xe cộ chen nhau suýt va chạm
        đò chở học sinh bị thủng đáy đang chìm giữa sông
        đường ngập sâu, dòng nước cuốn trôi người đi xe máy
        mặt cầu bị nứt toác, xe vẫn qua lại, sợ sập bất cứ lúc nào
        đường lên núi vừa sạt lở, có xe bị vùi
        lỗ thủng lớn giữa đường, tối không có đèn, nhiều người té
        xe khách mất phanh lao xuống ruộng, nhiều người bị thương
        đường bị nước cuốn mất một đoạn, xe vẫn cố đi
        xe đầu kéo vừa lật trên đèo, nằm chắn cả hai làn, dầu chảy loang ra đường
        cầu sắt qua sông vừa bị sà lan đâm, dầm cầu cong vẹo mà xe vẫn chạy qua
        nước lũ tràn qua đường, một chiếc ô tô đang bị cuốn trôi
        một đoạn đường đèo vừa sụt mất nửa mặt đường, xe đi ban đêm không biết
        xe khách va chạm với xe máy, người bị thương nằm giữa đường
    """),
    "ha-tang-do-thi": _lines("""
        cây xanh lớn bị nghiêng, có nguy cơ gãy đổ vào nhà dân
        cành cây gãy vắt trên đường dây điện
        cây gãy đè lên đường dây điện trong hẻm, dây đang tóe lửa
        dây điện bị đứt rơi xuống đường, trời đang mưa
        trụ đèn đường bị nghiêng sau cơn bão, sắp đổ vào nhà
        cột điện bị xe đâm gãy, dây điện sà xuống thấp
        tủ điện chiếu sáng bị hở, trẻ em chơi gần đó có thể bị điện giật
        nước ngập vào nhà đang lên nhanh, người già không ra được
        mưa lớn nước dâng lên rất nhanh, cả khu phố bị cô lập
        đê bao bị vỡ, nước tràn vào khu dân cư
        bờ kè sông bị nứt và sụt, nước đang tràn qua
        ống nước chính bị vỡ phun mạnh, nước tràn vào nhà dân
        nắp cống bị mất, hố cống mở toang trên vỉa hè trước trường học
        cây cổ thụ trong sân trường bị mục gốc, đang nghiêng về phía lớp học
        cây xanh bật gốc đổ đè lên xe và người đi đường
        đường dây trung thế võng xuống sát mái nhà dân
        hố sụt lớn xuất hiện giữa sân khu chung cư
        nước lũ tràn qua đập tràn, hồ chứa có nguy cơ vỡ
        nước ngập lút đầu người trong hẻm, nhiều nhà chưa kịp di dời
        dây điện trước nhà bị đứt lủng lẳng, chạm vào mái tôn
        cây dầu to trước nhà nứt thân, gió thổi là đổ
        cột điện bị nghiêng sắp ngã ra đường
        cây to ngã chắn ngang đường, đè lên mái nhà dân
        dây điện rơi xuống vũng nước trước cổng chợ
        nắp hố ga giữa đường bị mất, tạo hố sâu ngay làn xe máy
        cây đổ chắn ngang đường, xe không đi được
        cây xà cừ lớn vừa gãy đổ đè lên hai người đi xe máy
        nước ngập gần tới mái, nhà có người già và trẻ nhỏ chưa sơ tán được
        dây điện bị đứt sau cơn giông, đang nằm trên vỉa hè tóe tia lửa
        trụ đèn chiếu sáng bị rò điện, con chó chạm vào đã bị giật chết
        đê sông bị rò nước, mạch sủi ngày càng lớn
        cống ngầm bị sụt, tạo hố sâu ngay cổng chợ, người đi ngang suýt rơi xuống
    """),
    "moi-truong": _lines("""
        xe bồn chở hóa chất bị lật, hóa chất tràn ra mương và bốc mùi hắc
        nhà máy đang xả khí độc, nhiều người khó thở phải đi viện
        xưởng xi mạ để rò rỉ axit chảy ra ruộng, có người bị bỏng
        hóa chất từ xưởng xi mạ chảy ra ruộng lúa, trẻ em đang tắm ở mương đó
        kho thuốc trừ sâu bị ngập nước, thuốc độc tràn ra giếng của dân
        đám cháy bãi rác lớn, khói độc bao trùm khu dân cư
        bồn chứa amoniac của nhà máy đá bị rò, cả xóm cay mắt khó thở
        nhà máy vừa nổ bồn hóa chất, khói vàng bay về khu dân cư, nhiều người ho sặc sụa
        xe chở axit bị lật, axit chảy xuống kênh cạnh trường học
        cá chết trắng sông, nước bốc mùi hóa chất, dân vẫn đang lấy nước sinh hoạt
    """),
    "trat-tu-xay-dung": _lines("""
        biển quảng cáo lớn trên nóc nhà bị gió làm bung, đang đung đưa sắp rơi
        công trình đang thi công không che chắn, gạch đá rơi xuống đường trúng người
        giàn giáo công trình nghiêng hẳn ra đường, có nguy cơ sập
        cần cẩu tháp công trình lắc mạnh trong gió, treo vật liệu trên đầu nhà dân
        nhà cũ bên cạnh đang nứt toác, tường có thể đổ sập bất cứ lúc nào
        hố móng công trình sạt lở, nhà bên cạnh bị nghiêng
        ban công nhà chung cư cũ bị sập một mảng xuống vỉa hè
        tường rào công trình đổ sập xuống vỉa hè
        nhà hàng xóm đào tầng hầm làm nhà tôi nứt và lún, cả nhà phải chạy ra ngoài
        tấm biển quảng cáo trên cao bị gió giật lỏng, kêu răng rắc sắp rớt xuống đường
        bức tường nhà bỏ hoang bên cạnh nứt nghiêng về phía nhà tôi, sắp đổ
        tầng trên của ngôi nhà đang cải tạo vừa đổ sập một phần, gạch rơi xuống hẻm
        khung sắt biển quảng cáo cao mười mét đang nghiêng dần sau mưa bão, bên dưới là quán ăn đông người
        giàn giáo tòa nhà đang thi công vừa đổ xuống đường, có người bị kẹt bên dưới
    """),
    "y-te": _lines("""
        nhiều người bị ngộ độc sau khi ăn ở quán cơm, đang nôn ói phải đi cấp cứu
        hơn hai mươi công nhân bị ngộ độc thực phẩm sau bữa trưa ở công ty
        cả nhà tôi bị ngộ độc nấm, đang nôn và đau bụng dữ dội
        dịch sốt xuất huyết bùng phát, nhiều trẻ em đang nhập viện
        bệnh viện từ chối tiếp nhận bệnh nhân cấp cứu đang nguy kịch
        người bị ngộ độc rượu methanol sau đám cưới, có người hôn mê
        nhiều người trong thôn sốt cao, nghi có dịch bệnh lạ lây lan
        phát hiện người mắc bệnh dại sau khi bị chó cắn, chó vẫn chạy rông cắn người
        người già trong xóm ngất xỉu, gọi cấp cứu mãi không thấy xe đến
        nước giếng nhiễm độc, nhiều người uống vào bị tiêu chảy và sốt
        cả lớp học thêm ăn bánh mì xong bị nôn, đang đưa vào viện
        ông hàng xóm bị đột quỵ mà xe cấp cứu chưa thấy tới
        nhiều trẻ sốt cao co giật trong khu trọ, nghi dịch bệnh
        cả nhóm công nhân uống nước ở bình chung xong đau bụng, nôn ói, vài người ngất
        trẻ bị sốt cao co giật mà trạm y tế xã đóng cửa, không có người trực
        hàng chục khách dự tiệc cưới đang nhập viện vì ngộ độc
        người bệnh có biểu hiện khó thở nặng, cần chuyển viện ngay mà không có xe
    """),
}

# The words that name each category's subject, beyond the problems above: a text that uses them is about
# that category even when its problem is one we never wrote.
VOCABULARY = {
    "dat-dai": _lines("""
        sổ đỏ, sổ hồng, giấy chứng nhận quyền sử dụng đất, thửa đất, tách thửa, hợp thửa, địa chính
        đo đạc đất, bản đồ địa chính, ranh giới đất, mốc giới, tranh chấp đất đai, lấn chiếm đất
        thu hồi đất, đền bù, bồi thường, giải phóng mặt bằng, giải tỏa, tái định cư, hỗ trợ di dời
        quy hoạch treo, quy hoạch sử dụng đất, chuyển mục đích sử dụng đất, đất ở, đất nông nghiệp
        đất thổ cư, đất vườn, đất ruộng, đất rừng, đất công, đất công ích, đất khai hoang, đất thừa kế
        chuyển nhượng đất, mua bán đất, giấy tay, sang tên sổ, thế chấp sổ, tiền sử dụng đất, lệ phí trước bạ
        văn phòng đăng ký đất đai, biến động đất đai, giao đất, cho thuê đất, phân lô bán nền, giá đất
    """),
    "moi-truong": _lines("""
        ô nhiễm môi trường, ô nhiễm không khí, ô nhiễm nguồn nước, nước thải, khí thải, xả thải, khói bụi
        mùi hôi, mùi hôi thối, bốc mùi, rác thải, rác sinh hoạt, thu gom rác, xe rác, bãi rác, điểm tập kết rác
        đốt rác, tiếng ồn, ồn ào, gây ồn, loa kẹo kéo, chăn nuôi, trại heo, trại gà, lò mổ, phân heo
        cá chết, nước sông đen, kênh ô nhiễm, hóa chất, chất thải nguy hại, rác y tế, xà bần, phế thải
        khai thác cát, khai thác khoáng sản, phá rừng, chặt cây rừng, bụi mịn, nhà máy xả thải, ruồi muỗi
    """),
    "giao-thong": _lines("""
        ổ gà, ổ voi, mặt đường hư hỏng, đường xuống cấp, đường sụt lún, vá đường, trải nhựa, thảm nhựa
        đèn tín hiệu, đèn giao thông, đèn xanh đèn đỏ, biển báo, vạch kẻ đường, gờ giảm tốc, dải phân cách
        ùn tắc, kẹt xe, tai nạn giao thông, an toàn giao thông, xe buýt, tuyến xe buýt, trạm xe buýt, bến xe
        cầu, cầu yếu, cầu tạm, cầu treo, đường đèo, quốc lộ, tỉnh lộ, cao tốc, đường ngang đường sắt
        xe quá tải, xe container, taxi, xe ôm, bến đò, phà, đường liên thôn, đường liên xã, sạt lở đường
    """),
    "trat-tu-xay-dung": _lines("""
        xây dựng không phép, xây dựng sai phép, xây dựng trái phép, giấy phép xây dựng, cơi nới, lấn chiếm
        lấn chiếm vỉa hè, lấn chiếm lòng đường, buôn bán trên vỉa hè, hàng rong, mái che, mái hiên, bảng hiệu
        biển quảng cáo, quảng cáo trái phép, công trình thi công, giàn giáo, vật liệu xây dựng, trật tự đô thị
        chỉ giới xây dựng, xây vượt tầng, nhà trọ xây trái phép, tường rào lấn hẻm, cưỡng chế công trình
        trật tự xây dựng, thanh tra xây dựng, đội quy tắc, nhà nứt do công trình bên cạnh, lún nứt nhà
    """),
    "ha-tang-do-thi": _lines("""
        đèn đường, đèn chiếu sáng, chiếu sáng công cộng, cột đèn, bóng đèn đường, tủ điện chiếu sáng
        cấp nước, nước máy, mất nước, nước yếu, nước đục, đường ống nước, đồng hồ nước, tiền nước, nước sạch
        thoát nước, cống, hố ga, nắp cống, mương thoát nước, ngập úng, ngập nước, triều cường, nạo vét cống
        cây xanh, cắt tỉa cây, cây gãy, cây đổ, cây nghiêng, công viên, vườn hoa, ghế đá, nhà vệ sinh công cộng
        dây điện, cột điện, dây cáp, hồ điều hòa, trạm bơm, vỉa hè hư hỏng, hạ tầng khu dân cư, đê, kè
    """),
    "thu-tuc-hanh-chinh": _lines("""
        hồ sơ trễ hạn, quá hạn giải quyết hồ sơ, phiếu hẹn, phiếu xin lỗi, bộ phận một cửa, một cửa liên thông
        dịch vụ công trực tuyến, cổng dịch vụ công, nộp hồ sơ trực tuyến, thanh toán trực tuyến, lệ phí
        khai sinh, khai tử, kết hôn, hộ tịch, trích lục, chứng thực, công chứng, sao y, xác nhận cư trú
        thường trú, tạm trú, hộ khẩu, căn cước, căn cước công dân, định danh điện tử, VNeID, hộ chiếu
        giấy tờ ngoài quy định, bổ sung hồ sơ, trả hồ sơ, lý lịch tư pháp, chữ ký số, mã hồ sơ, tra cứu hồ sơ
    """),
    "can-bo-cong-vu": _lines("""
        thái độ cán bộ, cán bộ hách dịch, cửa quyền, tác phong, nhũng nhiễu, gây phiền hà, vòi vĩnh
        đòi tiền, tiền bồi dưỡng, phong bì, hối lộ, tham nhũng, lạm quyền, lợi dụng chức vụ, bao che
        đùn đẩy trách nhiệm, né tránh, vắng mặt trong giờ làm việc, đi muộn về sớm, vi phạm kỷ luật
        công chức, viên chức, cán bộ xã, cán bộ phường, chủ tịch xã, trưởng thôn, tổ trưởng dân phố
        tiếp công dân, quát nạt, thiếu tôn trọng, xúc phạm người dân, trù dập người khiếu nại, đạo đức công vụ
    """),
    "an-sinh-xa-hoi": _lines("""
        chính sách người có công, thương binh, liệt sĩ, gia đình chính sách, cựu chiến binh, chất độc da cam
        trợ cấp, trợ cấp xã hội, bảo trợ xã hội, người cao tuổi, người khuyết tật, trẻ mồ côi, người neo đơn
        hộ nghèo, hộ cận nghèo, bình xét hộ nghèo, hỗ trợ nhà ở, tiền hỗ trợ, cứu trợ, gạo cứu đói
        bảo hiểm xã hội, sổ bảo hiểm, chốt sổ, bảo hiểm thất nghiệp, lương hưu, chế độ thai sản, tử tuất
        tiền lương, nợ lương, lương tối thiểu, hợp đồng lao động, sa thải, công nhân, người lao động
        việc làm, giới thiệu việc làm, xuất khẩu lao động, tai nạn lao động, tăng ca, làm thêm giờ
    """),
    "y-te": _lines("""
        bệnh viện, trạm y tế, phòng khám, bác sĩ, y tá, điều dưỡng, khám bệnh, chữa bệnh, nhập viện, viện phí
        bảo hiểm y tế, thẻ bảo hiểm y tế, chuyển tuyến, đúng tuyến, thuốc, nhà thuốc, hiệu thuốc, kê đơn
        cấp cứu, xe cấp cứu, tiêm chủng, vắc xin, dịch bệnh, sốt xuất huyết, tay chân miệng, sởi, dịch tả
        an toàn thực phẩm, vệ sinh thực phẩm, ngộ độc thực phẩm, thực phẩm bẩn, hàn the, thịt không kiểm dịch
        xét nghiệm, phẫu thuật, sinh con, khám thai, thẩm mỹ viện, thuốc giả, thực phẩm chức năng
    """),
    "giao-duc": _lines("""
        trường học, trường mầm non, trường tiểu học, trường trung học cơ sở, trường trung học phổ thông
        học sinh, giáo viên, cô giáo, thầy giáo, hiệu trưởng, phụ huynh, lớp học, phòng học, sân trường
        học phí, khoản thu, lạm thu, quỹ phụ huynh, quỹ lớp, đồng phục, sách giáo khoa, bán trú, học thêm
        dạy thêm, tuyển sinh, trái tuyến, thi tuyển, học bạ, bằng tốt nghiệp, điểm thi, sinh viên, đại học
        bạo lực học đường, bắt nạt ở trường, xe đưa đón học sinh, cơ sở vật chất trường, nhà trẻ, lớp ghép
    """),
    "an-ninh-trat-tu": _lines("""
        trộm cắp, trộm xe, mất trộm, cướp giật, cướp tài sản, đột nhập, kẻ gian, đối tượng khả nghi
        gây rối, đánh nhau, ẩu đả, hỗn chiến, hung khí, dao, mã tấu, đe dọa, khủng bố tinh thần
        đua xe, bốc đầu, tụ tập, cờ bạc, đánh bạc, cá độ, ma túy, nghiện hút, tiêm chích, bóng cười
        lừa đảo, lừa đảo qua mạng, giả danh công an, chiếm đoạt tài sản, đa cấp, tín dụng đen, cho vay nặng lãi
        đòi nợ thuê, bảo kê, mại dâm, gây mất trật tự, pháo nổ, cháy nổ, cháy nhà, phòng cháy chữa cháy
        mất tích, bắt cóc, bạo lực gia đình, công an, công an phường, công an xã, an ninh trật tự
    """),
    "kinh-te-doanh-nghiep": _lines("""
        doanh nghiệp, hộ kinh doanh, đăng ký kinh doanh, giấy phép kinh doanh, mã số thuế
        thuế, cơ quan thuế, thuế khoán, hoàn thuế, hóa đơn điện tử, thuế giá trị gia tăng, phạt chậm nộp
        đầu tư, dự án đầu tư, chủ trương đầu tư, nhà đầu tư, khu công nghiệp, cụm công nghiệp, vốn vay
        giá cả, bình ổn giá, niêm yết giá, tăng giá, chợ, ban quản lý chợ, ki ốt, tiểu thương, siêu thị
        hàng giả, hàng nhái, hàng lậu, buôn lậu, quản lý thị trường, nông sản, tiêu thụ nông sản, thương lái
        hợp tác xã, khởi nghiệp, du lịch, xuất khẩu, nhập khẩu, xăng dầu, giá điện, giá phân bón
    """),
    "khac": _lines("""
        cảm ơn, xin cảm ơn, khen ngợi, tuyên dương, góp ý, đề xuất, kiến nghị chung, hỏi thông tin
        lễ hội, văn hóa, văn nghệ, thể thao, nhà văn hóa, thư viện, di tích, đình làng, tượng đài
        đặt tên đường, truyền hình, đài phát thanh, cổng thông tin, trang web, ứng dụng, tra cứu phản ánh
        hỏi đáp, xin ý kiến, tình nguyện, hiến máu, lịch tiếp công dân, đường dây nóng
    """),
}

PLACES = ["tổ 5 phường Hòa Cường", "thôn Phú Sơn", "đường Lê Duẩn", "kiệt 42 Trần Cao Vân", "khu dân cư số 3",
          "xã Hòa Vang", "phường An Hải", "thôn 2 xã Tam Kỳ", "khu phố Mỹ An", "đường Nguyễn Văn Linh",
          "hẻm 123 Lê Văn Sỹ", "ngõ 45 phố Chùa Bộc", "ấp Tân Hòa", "khóm 3 phường 5", "tổ dân phố số 7",
          "bản Nà Lòa", "xóm Đông thôn Hạ", "chung cư Hoàng Anh", "gần chợ Cồn", "trước trường tiểu học Lê Lợi"]
# When it happened: long-standing for the problems that can wait; now for the dangers; some phrases both use.
SINCE = ["đã hơn một tháng", "từ đầu năm đến nay", "suốt tuần qua", "nhiều ngày nay", "từ tháng trước", "đã lâu",
         "mấy tháng nay", "từ năm ngoái", "cả tuần nay"]
NOW = ["vừa xảy ra", "ngay lúc này", "cách đây mười phút", "từ chiều đến giờ", "đang diễn ra", "vừa mới đây"]
EITHER = ["sáng nay", "tối qua", "hôm nay", "mấy hôm nay"]
ASK = ["Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.", "Mong được giải quyết sớm.",
       "Kính đề nghị lãnh đạo quan tâm chỉ đạo.", "Đề nghị có văn bản trả lời cho người dân.",
       "Người dân rất bức xúc, mong được xử lý dứt điểm.", "Xin cảm ơn.", ""]
ASK_NOW = ["Đề nghị cử người đến ngay!", "Rất nguy hiểm, mong xử lý gấp.", "Khẩn cấp, xin cơ quan chức năng đến ngay.",
           "Mong các anh đến kịp thời.", "Cứu với!", "Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.", ""]
FRAMES = {
    "web": ["Tôi xin phản ánh: {p} tại {place}, {d}. {r}", "Kính gửi cơ quan chức năng, {p} ở {place} {d}. {r}",
            "{P} tại {place}. {r}", "Ở {place} {p}, {d}. {r}", "{P}. Địa chỉ: {place}. {r}"],
    "sms": ["{p} o {place}", "{P}!! {place}", "{d} {p}, ai xu ly giup voi", "bao cao: {p} ({place})", "{P}"],
    "hotline": ["Công dân gọi tổng đài 1022 phản ánh {p} tại {place}, {d}. {r}",
                "Người dân gọi điện báo {p} ở {place}. Đề nghị chuyển đơn vị xử lý.",
                "Cuộc gọi: bà con ở {place} phản ánh {p}.",
                "Ghi nhận cuộc gọi lúc 14 giờ 20: người gọi ở {place} cho biết {p}, {d}. Đã chuyển đơn vị liên quan."],
    "letter": ["Kính gửi Ủy ban nhân dân tỉnh. Tôi tên là Lê Văn Tám, cư trú tại {place}. Tôi làm đơn này trình bày "
               "sự việc như sau: {p}, {d}. Gia đình tôi đã báo với chính quyền địa phương. {r} "
               "Tôi xin chân thành cảm ơn.",
               "Đơn kiến nghị. Chúng tôi là các hộ dân ở {place}, cùng ký tên dưới đây, kiến nghị việc {p}. "
               "Sự việc {d}, ảnh hưởng đến đời sống của bà con. {r}"],
    "dialogue": ["Tại buổi đối thoại, ông Nguyễn Văn Hùng ở {place} kiến nghị: {p}. {r}",
                 "Bà Trần Thị Lan ({place}) nêu ý kiến {p}, {d}. {r}",
                 "Cử tri {place} kiến nghị lãnh đạo quan tâm việc {p}."],
    # How people talk in the South, the Centre and the North.
    "regional": ["Tui ở {place}, {p} mà hổng thấy ai xử lý hết trơn.",
                 "Dạ cho em hỏi, ở {place} {p}, mấy anh coi giùm.",
                 "Ở {place} {p}, răng mà chưa ai xử lý rứa?", "Bà con trong kiệt mình {p}, mong các anh xuống coi.",
                 "Ngõ nhà em ở {place} {p}, các bác xem giúp ạ.", "Bà con ở {place} báo: {p}, {d}."],
}
CHANNELS = ["web", "sms", "hotline", "letter", "dialogue", "regional"]
# How people type on phones: short forms, common misspellings, no diacritics.
SHORT_FORMS = [("không", "ko"), ("không", "k"), ("không", "hok"), ("được", "dc"), ("được", "đc"),
               ("Ủy ban nhân dân", "UBND"), ("bảo hiểm y tế", "BHYT"), ("bảo hiểm xã hội", "BHXH"),
               ("giấy chứng nhận quyền sử dụng đất", "sổ hồng"), ("người", "ng"), ("nước", "nc"), ("với", "vs"),
               ("bệnh viện", "bv"), ("công ty", "cty"), ("cán bộ", "cb"), ("rồi", "r"), ("quá", "wa"), ("hồ sơ", "hs")]
MISSPELLINGS = [("xử lý", "sử lý"), ("xảy ra", "sảy ra"), ("trách nhiệm", "chách nhiệm"), ("nguy hiểm", "nguy hiễm"),
                ("sửa", "sữa"), ("giải quyết", "dải quyết"), ("rác thải", "rát thải"), ("chuyện", "truyện"),
                ("lắm", "nắm"), ("nước", "nứơc")]


def _informal(text: str, rng: random.Random) -> str:
    for full, short in SHORT_FORMS + MISSPELLINGS:
        if full in text and rng.random() < 0.6:
            text = text.replace(full, short)
    return strip_accents(text).lower() if rng.random() < 0.7 else text.lower()


def _phrasing(problem: str, channel: str, urgent: bool, rng: random.Random) -> str:
    when = rng.choice((NOW if urgent else SINCE) + EITHER)
    text = rng.choice(FRAMES[channel]).format(
        p=problem, P=problem[0].upper() + problem[1:], place=rng.choice(PLACES), d=when,
        r=rng.choice(ASK_NOW if urgent else ASK))
    return " ".join(text.split())


def build_corpus(phrasings: int = 6, seed: int = 2026) -> list[tuple[str, str, str, bool]]:
    """(text, category, group, urgent) rows, the same every time for the same seed. The group names the
    problem a text is built on, so cross-validation can keep every phrasing of one problem in the same fold.
    Each problem is said in `phrasings` ways, one channel each, a third of them typed informally."""
    rng = random.Random(seed)
    rows = []
    for category in sorted(PROBLEMS):
        problems = [(p, False, f"{category}/{n}") for n, p in enumerate(PROBLEMS[category])]
        problems += [(p, True, f"{category}/urgent/{n}") for n, p in enumerate(URGENT.get(category, []))]
        for problem, urgent, group in problems:
            for index in range(phrasings):
                text = _phrasing(problem, CHANNELS[(index + len(rows)) % len(CHANNELS)], urgent, rng)
                if index % 3 == 2:
                    text = _informal(text, rng)
                rows.append((text, category, group, urgent))
    return rows + [row for path in WRITTEN_PATHS for row in written_rows(path)] + taxonomy_rows() + vocabulary_rows()


def written_rows(path: Path) -> list[tuple[str, str, str, bool]]:
    """The petitions of one writer's file, as they are: each one a problem of its own (group "written/<row>", or
    "written/urgent/<row>" as the phrase banks name theirs; "written_A/…" for written_petitions_A.csv), so
    cross-validation holds each out alone."""
    prefix = "written" + path.stem.removeprefix("written_petitions")
    return [(text, category, f"{prefix}/{'urgent/' if urgent else ''}{n}", bool(urgent))
            for n, (text, category, _, urgent) in enumerate(read_labelled(path))]


def is_reference_row(group: str) -> bool:
    """A taxonomy or vocabulary row: a category's own words, always trained on, never scored as a petition."""
    return group.startswith(("covers/", "vocabulary/"))


def taxonomy_rows() -> list[tuple[str, str, str, bool]]:
    """Each item of a category's "covers" list in taxonomy.json, as a short labelled text."""
    from portal.domain.taxonomy import read_taxonomy

    rows = []
    for category in read_taxonomy()["categories"]:
        for number, item in enumerate(category["covers"].split(",")):
            item = item.strip().rstrip(";.")
            if item:
                rows.append((f"Phản ánh về {item}", category["code"], f"covers/{category['code']}/{number}", False))
    return rows


def vocabulary_rows() -> list[tuple[str, str, str, bool]]:
    """Each word of a category's VOCABULARY, as a short labelled text."""
    rows = []
    for category in sorted(VOCABULARY):
        terms = [term.strip() for line in VOCABULARY[category] for term in line.split(",") if term.strip()]
        rows += [(f"Phản ánh về {term}", category, f"vocabulary/{category}/{n}", False) for n, term in enumerate(terms)]
    return rows


def write_corpus(path: Path = CORPUS_PATH) -> int:
    rows = build_corpus()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "category", "group", "urgent"])
        writer.writerows((text, category, group, int(urgent)) for text, category, group, urgent in rows)
    return len(rows)


def read_labelled(path: Path) -> list[tuple[str, str, str, bool | None]]:
    """(text, category, group, urgent) from a CSV with columns text,category (group and urgent optional:
    urgent is 1/0, and None when the file has no such column or leaves the cell empty)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "category"} <= set(reader.fieldnames):
            raise ValueError("the CSV needs the columns text,category")
        return [(row["text"], row["category"], row.get("group") or f"row/{n}", _flag(row.get("urgent")))
                for n, row in enumerate(reader)]


def _flag(cell: str | None) -> bool | None:
    value = (cell or "").strip().lower()
    if not value:
        return None
    if value not in {"1", "0", "true", "false"}:
        raise ValueError(f"urgent must be 1 or 0, not {cell!r}")
    return value in {"1", "true"}
