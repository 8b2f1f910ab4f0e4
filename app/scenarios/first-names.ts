/**
 * Common first names (English-speaking countries first, then names common among the customers of
 * international support teams). Lower case. Used as one signal among several: a capitalised word
 * in this list is taken as a name unless it is also an everyday word (see AMBIGUOUS_FIRST_NAMES).
 */
export const FIRST_NAMES: readonly string[] = `
aaron abby abigail adam adrian agnes aidan aiden alan albert alex alexa alexander alexandra alexis
alfie alfred ali alice alicia alison allison alvin amanda amber amelia amit amy ana andre andrea
andrew andy angela angelina angie anita ann anna anne annette annie anthony antonio april archie
arlene arnold arthur ashley audrey austin ava avery barbara barry beatrice becky ben benjamin
bernard beth bethany betty beverly bill billy blake bob bobby bonnie brad bradley brandon brenda
brent brett brian bridget brittany brooke bruce bryan caitlin caleb calvin cameron camila carl carla
carlos carmen carol caroline carolyn carrie casey catherine cathy cecilia chad charles charlie
charlotte chelsea cheryl chloe chris christian christina christine christopher cindy claire clara
clarence claudia cody colin connie connor craig crystal curtis cynthia daisy dale dan dana daniel
danielle danny darius darren daryl dave david dawn dean debbie deborah debra declan denise dennis
derek diana diane dolores dominic don donald donna doris dorothy douglas dylan eddie edith edward
eileen elaine eleanor elena eli elijah elizabeth ella ellen ellie elliot emily emma eric erica erin
esther ethan eugene eva evan evelyn ewan faith fatima felix fiona florence frances francis frank
freddie frederick freya gabriel gabriella gail gareth gary gavin gemma gene george georgia gerald
gina glen glenn gloria gordon grace graham grant greg gregory gwen hailey hannah harold harper harriet
harry harvey hayden hazel heather heidi helen henry herbert holly howard hugh hugo ian imogen irene
isaac isabel isabella isabelle isla ivan ivy jack jackie jackson jacob jacqueline jade jake james
jamie jan jane janet janice jared jasmine jason jay jean jeff jeffrey jenna jennifer jenny jeremy
jerry jesse jessica jill jim jimmy joan joanna joanne jodie joe joel john johnny jon jonathan jordan
jose joseph josh joshua joy joyce juan judith judy julia julian julie june justin karen karl kate
katherine kathleen kathryn kathy katie kay keith kelly ken kenneth kevin kieran kim kimberly kirsty
kyle laura lauren lawrence leah lee leo leon leonard leslie liam lillian lily linda lindsay lisa
logan lois lorraine louis louise lucas lucy luke lydia lynn madison maggie malcolm mandy marcus
margaret maria marie marilyn mario marion mark martha martin marvin mary mason matilda matt matthew
maureen max maya megan melanie melissa michael michelle mike mildred milo mohammed molly monica
morgan nancy naomi natalie nathan neil nicholas nicola nicole noah nora norman olivia oliver oscar
owen paige pamela patricia patrick paul paula pauline peggy penelope penny peter philip phillip
phoebe phyllis pippa rachel ralph randy ray raymond rebecca regina rhys richard rick rita rob robert
roberta robin rodney roger ronald ronnie rory rosa rose rosie ross roy ruby russell ruth ryan sally
sam samantha samuel sandra sara sarah scott sean seth shane shannon sharon shaun sheila shirley
sidney simon sofia sophia sophie stacey stanley stella stephanie stephen steve steven stuart sue
susan suzanne sydney tammy tanya tara taylor ted teresa terry theo theodore theresa thomas tim
timothy tina toby todd tom tommy tony tracy travis trevor troy tyler valerie vanessa vera veronica
vicky victor victoria vincent violet virginia walter wanda warren wayne wendy wesley will william
willie wyatt yvonne zach zachary zara zoe
abi al alf andi ange barb becca bev bex carly cass charlie chaz chrissy dani dave davey deb del dom ed eddy em fran fred gav gaz geoff georgie gerry hank harri izzy jacky jakey jess jessie jez jo jojo jon jonny josie jules kat katy kev kez kris lexi liz lizzie lou maddie mandy marty mick mickey mo nat nate nick nicky nikki ollie pete phil rach reg ricky robbie ron rosie sal sammy sandy sid si steph stevie sue suzy tash tess theo tilly tony trish vic vince viv wes zak
aarav abdul abdullah adebayo adeola ahmed aisha akira alejandro alessandro amara amina amir anan
ananya andrei anika anjali arjun ayesha aylin bilal bogdan camille carlos chen chidi chinedu chioma
chloé dario deepak dmitri eduardo elif emeka emre fatou femi fernando francesca giovanni giulia hamza
hana hannes haruto hassan hiroshi hyun ibrahim ifeoma ines ingrid isabela jamal javier jin jorge
josé juan kai kalinda karim kavya kenji keisha kemal kwame lars layla lena lin lorenzo luca lucia
luis magnus mai malik manuel marek mariam marco marta mateo mehmet mei miguel min ming minh mohamed
mohammad muhammad nadia naveen neha nikhil nikita nina nuno obinna oksana olga omar pablo pedro pia
pierre priya rahul raj rajesh ravi reza rosa sakura salma sanjay santiago sara sebastian sergei
shreya sina siobhan sipho soo sven tariq thabo tomasz uchenna valentina vikram wei xavier xin yan
yara yasmin yong youssef yuki yusuf zainab zeynep zhang zhao
aditi adnan afia ahmad aiko akosua alhassan aliyu amani amaka anil anjali arash arif asif asma ayodele babajide bashir benedikt bjorn björn bukola chiamaka chinwe daniyal dawit dilnoza ebele efua ekaterina emeka eszter faisal farid farouk fatimah fiifi folake funmilayo ganesh gulnara habib hadiza haruka hemi hiba hina hiroko hoang huda hyejin ifeanyi ikechukwu imran irina jamila jia jiho jun junaid kamala kateryna kaveh kofi kojo kunle kwabena lakshmi latisha leila lerato lindiwe malika mansur marat mehwish minji mirza mohsin mthunzi musa nadir naledi nasra nazia ngozi nkechi nomvula nuria obi olamide olumide omari osagie parisa parvati peng qiang rashid reem rohit rukhsana ryo sadia saeed sakshi salim samina sanaa sandeep sanjeev seun shabnam shahid shirin simran sizwe sunil svetlana tahir takeshi tamika tatiana temitope thandiwe tomoko tunde uzma vusi waleed wanjiru xiao xiaoming yasmine yetunde yohannes yuri zahid zanele zara zeinab zhen zoltan
oluwaseun seun olu oluwadamilare damilare ayodeji adewale babatunde chukwuemeka chinonso chidinma nnamdi obiageli folasade yewande tolulope tobi kehinde taiwo bisi kemi segun dayo lanre wale gbenga yemi abimbola adaeze amarachi ebuka ikenna kelechi somto zikora halima hauwa aminu usman abubakar kwesi adjoa afua ekua
bongani themba lwazi thandeka nandi ayanda lungile mpho palesa tshepo karabo kagiso refilwe busisiwe nokuthula sibusiso siyabonga mandla jabulani wambui njeri kamau otieno achieng akinyi baraka zawadi neema imani juma fatuma abdi hodan
ji-woo jiwoo min-jun minjun seo-yeon seoyeon ha-eun haeun do-yun doyun ji-ho jiho su-bin subin ye-jin yejin hyun-woo hyunwoo jae-won jaewon seung-hoon seunghoon eun-ji eunji min-ji soo-jin soojin hye-jin jun-ho junho dong-hyun donghyun yoon-seo jisoo jisu minho taehyung jimin yuna sung-min
jing xiu ying hui hong jie hao qing feng jian guo hua jia chao
anh linh huong thanh trang hoa duc hieu tuan quang thao ngoc phuong khanh trinh bao
haruto yuto sota hina yui aoi ren riku takumi kaito daiki shota kenta yusuke akari mio rin nanami misaki ayaka yuka emi naoko keiko yoko kazuki hiroki takashi satoshi yuko
aarav vihaan aditya rohan diya isha pooja divya meera sneha swati deepika kiran suresh ramesh mahesh prakash manoj vijay ajay vinod rakesh harish siddharth karan varun akash abhishek gaurav venkat srinivas padma radha geeta sita sunita kavita rekha nisha asha usha farhan zubair saima rabia sana
khalid hussein samir nabil rami walid ziad fadi faris noor nour maryam amira rania dina hala lina umar fatma
mustafa ahmet burak cem deniz emine ayse selin ozlem merve ebru gizem tuba hakan murat serkan ferhat oguz onur baris
wojciech krzysztof piotr pawel michal marcin lukasz jakub kacper mateusz agnieszka katarzyna malgorzata magdalena aleksandra monika ewa zofia dorota beata jolanta grzegorz andrzej stanislaw zbigniew jiri petr pavel jana lucie tereza dmitry sergey alexei aleksandr nikolai vladimir oleg igor anastasia natalia tatiana yelena daria ksenia bohdan taras olena
jonas lukas maximilian moritz niklas jannik mia anneke anouk sanne femke lotte fleur daan bram thijs ruben jeroen pieter wouter joost henrik anders astrid sigrid liv maja elin kari annika birgit ulrike sabine heike petra jurgen uwe klaus dieter wolfgang hans gunter helmut
mathieu matthieu guillaume antoine julien nicolas sebastien thierry olivier francois francoise amelie manon elodie celine sandrine nathalie veronique aurelie giuseppe francesco matteo davide federico chiara alessia martina silvia paola alvaro raul rafael joaquin daniela alejandra pilar rocio beatriz mariana joao tiago fernanda gabriela leticia valeria ximena guadalupe sergio marguerite mireille
aoibheann ruairi laoise niamh orlaith eimear clodagh cliodhna cian darragh tadhg eoghan donal fearghal colm cathal diarmuid ronan euan calum callum fraser mairi bethan ffion
delroy jermaine tyrone leroy winston desmond marlon shanice latoya
aoife ailsa aisling alasdair angus bronwen caoimhe carys catriona cerys ciara ciaran cormac dafydd deirdre dermot eilidh emrys eoin fergus fionn gethin grainne hamish iain iolo lachlan mhairi morag niall oisin orla owain padraig rhian roisin saoirse seamus seren sian sinead tobias ferdinand
`
  .split(/\s+/)
  .filter(Boolean)

/**
 * First names that are also everyday words, months or places. On their own they need more
 * evidence (a cue such as "Hi …,", a surname after them, or the NLP tagging them as a person).
 */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(
  `alexa amber april august austin autumn bill bob bobby brooke carol chase crystal daisy dale dawn
  dean don drew faith florence frank gene georgia glen grace grant guy hazel heather holly hope
  hunter iris ivy jack jade jan jay jean joy june kay kim lee lily lynn madison mark max may miles
  olive paige pat patience pearl penny phoenix rich rob robin rosa rose ruby sally sandy shannon
  stella sue summer sydney taylor ted victoria violet virginia wade will joy april jordan
  chelsea charlotte sam ray parker page rusty angel destiny harmony sky art norm herb al ed mo si sal del reg nat sid viv fran nick bev`.split(/\s+/).filter(Boolean),
)
