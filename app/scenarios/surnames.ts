/**
 * Common family names across the customers of international support teams (British, Irish, US,
 * Hispanic, Portuguese, French, Italian, German, Dutch, Nordic, Polish, Russian and Ukrainian,
 * Turkish, Arabic, South Asian, Chinese, Korean, Vietnamese, Japanese, West, East and Southern
 * African). Lower case, without accents (matching strips them). One signal among several: a
 * capitalised word next to one of these ("Ji-woo Park", "Nguyen Thi Mai") is taken as a name.
 * Surnames that are mostly brands or everyday words on their own (Costa, Ford, Long) are left out
 * or only count next to another name-like word (see pii-entities).
 */
export const SURNAMES: readonly string[] = `
smith jones williams brown taylor davies evans wilson thomas johnson roberts robinson thompson wright walker
white edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill ward morris
moore clark lee king baker harrison morgan allen james scott phillips watson davis parker price bennett young
griffiths mitchell kelly cook carter richardson bailey collins bell shaw murphy miller cox richards khan
marshall anderson simpson ellis adams singh begum wilkinson foster chapman powell webb rogers gray mason ali
hunt hussain campbell matthews owen palmer holmes mills barnes knight lloyd butler russell barker fisher
stevens jenkins murray dixon harvey graham pearson ahmed fletcher walsh kaur gibson howard andrews stewart
elliott reynolds saunders payne fox pearce brooks lawrence cole atkinson bradley spencer gill dawson burton
o'brien watts perry ryan grant wells armstrong francis rees hayes hart hudson newman barrett webster hunter
gregory carr lowe marsh riley dunn woods parsons berry reid holland hawkins harding porter robertson newton
oliver reed kennedy williamson bird gardner shah dean lane cooke bates henderson parry burgess bishop walton
burns nicholson shepherd ross cross freeman warren nicholls hamilton byrne sutton mcdonald yates hodgson robson
curtis hopkins o'connor harper coleman watkins moss mccarthy chambers o'neill griffin sharp hardy wheeler
potter osborne johnston gordon doyle wallace hutchinson rowe burke pritchard gilbert willis higgins
stevenson stephenson hammond arnold buckley walters hewitt barber nelson slater sullivan whitehead mann frost
lambert stephens blake akhtar lynch goodwin barton woodward thomson cunningham quinn barnett baxter bibi
clayton nash greenwood jennings holt kemp poole gallagher bond stokes tucker davidson fowler heath norman
middleton lawson jarvis gibbs ferguson hayward carroll douglas dickinson todd barlow peters lucas knowles
hartley miah simmons morton alexander morrison norris townsend preston hancock thornton baldwin burrows
briggs storey pugh ashworth achterberg whitfield pennington whitlock abernathy halvorsen lindqvist
garcia rodriguez martinez hernandez lopez gonzalez perez sanchez ramirez torres flores rivera gomez diaz
cruz reyes morales ortiz gutierrez chavez ramos ruiz alvarez mendoza castillo jimenez moreno romero herrera
medina aguilar vargas guzman fernandez munoz alonso navarro dominguez vazquez serrano blanco suarez molina
ortega delgado castro rubio marin sanz nunez iglesias garrido santos cortes lozano guerrero cano prieto
mendez calvo gallego vidal marquez pena cabrera campos vega fuentes carrasco caballero nieto pascual herrero
santana hidalgo montero ibanez gimenez ferrer duran benitez mora arias carmona crespo pastor soto saez
velasco soler moya esteban parra bravo gallardo rojas silva pereira oliveira rodrigues martins sousa
fernandes goncalves gomes lopes marques alves almeida ribeiro pinto carvalho teixeira moreira correia mendes
nunes soares vieira monteiro cardoso rocha neves coelho cunha pires reis simoes antunes matos fonseca
ortega ferreira azevedo barbosa araujo
bernard dubois robert richard petit durand leroy moreau laurent lefebvre michel bertrand roux vincent
fournier morel girard andre lefevre mercier dupont legrand garnier faure rousseau blanc guerin roussel
perrin morin mathieu clement gauthier dumont fontaine chevalier robin moulin masson marchand duval denis
lemaire renard giraud picard boyer rossi russo esposito bianchi romano colombo ricci marino greco gallo
conti mancini giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso ferrara galli
martini leone gentile martinelli vitale lombardo serra coppola marchetti parisi ferraro ferri fabbri bianco
marini grasso valentini messina gatti pellegrini palumbo sanna farina rizzi monti cattaneo morelli amato
silvestri mazza testa grassi pellegrino carbone giuliani benedetti barone rossetti caputo montanari guerra
palmieri bernardi fiore ferretti bellini basile donati piras vitali battaglia sartori costantini milani
pagano ruggiero sorrentino orlando
muller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schafer koch bauer
richter klein wolf schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange schmitt werner
schmitz krause meier lehmann schmid schulze maier kohler herrmann konig mayer huber kaiser fuchs scholz
moller weiss hahn schubert vogel friedrich keller gunther berger winkler roth beck lorenz baumann franke
albrecht schuster ludwig bohm kraus schumacher kramer vogt jager seidel heinrich brandt haas schreiber graf
schulte dietrich ziegler kuhn pohl engel busch bergmann voigt sauer wolff pfeiffer
jansen bakker janssen visser smit meijer mulder bos vos hendriks dekker brouwer dijkstra smits kok jacobs
vermeulen schouten willems hoekstra maas verhoeven koster prins blom huisman peeters
hansen johansen olsen larsen andersen pedersen nilsen kristiansen jensen karlsen johansson andersson
karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson jonsson lindberg lindgren
solberg dahl haugen sorensen nielsen rasmussen christensen virtanen korhonen nieminen makinen hamalainen
nowak kowalski kowalska wisniewski wisniewska wojcik kowalczyk kaminski kaminska lewandowski lewandowska
zielinski szymanski wozniak dabrowski kozlowski jankowski mazur kwiatkowski krawczyk piotrowski grabowski
nowakowski pawlowski michalski nowicki adamczyk dudek zajac wieczorek jablonski majewski olszewski
jaworski wrobel malinowski pawlak witkowski walczak stepien gorski rutkowski michalak sikora ostrowski
baran duda szewczyk tomaszewski pietrzak marciniak wroblewski zalewski jakubowski jasinski zawadzki
sadowski chmielewski wlodarczyk borkowski czarnecki sawicki sokolowski kubiak maciejewski szczepanski
kucharski kalinowski mazurek wysocki adamski wasilewski sobczak czerwinski wierzbicki novak dvorak
svoboda novotny horvath nagy toth szabo kovacs
ivanov ivanova smirnov smirnova kuznetsov kuznetsova popov popova vasiliev petrov petrova sokolov sokolova
mikhailov novikov fedorov morozov volkov volkova alekseev lebedev semenov egorov pavlov kozlov stepanov
nikolaev orlov andreev makarov nikitin zakharov zaitsev soloviev borisov yakovlev grigoriev romanov
vorobiev sergeev frolov shevchenko kovalenko bondarenko tkachenko kravchenko oliynyk shevchuk koval
polishchuk boyko melnyk
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan cetin kara koc
kurt ozkan simsek polat erdogan
rahman malik iqbal qureshi sheikh siddiqui chaudhry chaudhary mirza raza rizvi haddad hassan mansour
nasser saleh khalil youssef ibrahim abdullah farah aziz karim hamdan darwish sabbagh abubakar bello
mehta sharma verma gupta kumar reddy rao nair menon iyer pillai das bose banerjee chatterjee mukherjee
ghosh dutta joshi desai kulkarni jain agarwal bansal chopra kapoor malhotra khanna bhatia arora sethi
tiwari mishra pandey yadav chauhan thakur rajput naidu krishnan subramaniam venkatesh raman chowdhury
wang zhang liu chen yang huang zhao zhou xu sun zhu guo lin luo zheng liang xie tang deng cao peng zeng
xiao tian pan yuan cai jiang cheng ding shen yao cui zhong fan jin liao xia bai zou meng xiong qin qiu hou
yin xue duan gao wong chan cheung leung ng lau tsang yeung chow tse
nguyen tran pham hoang huynh phan dang bui ngo duong trinh vuong
kim park choi jung kang cho yoon jang lim shin kwon hwang ahn seo
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda
fujita ogawa goto okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota
miura okamoto matsuda nakagawa
okafor okonkwo adeyemi adebayo adeleke afolabi ogunleye olawale oyelaran oyelowo nwosu okeke okoro
nwachukwu chukwu onyeka ibekwe eze obi mensah boateng owusu asante osei appiah acheampong agyeman darko
amoah nkosi dlamini ndlovu khumalo mthembu mokoena mahlangu sithole ngcobo naidoo pillay moyo banda phiri
mwale tembo kamau otieno ochieng mwangi njoroge kariuki onyango odhiambo mutua kimani abebe tesfaye
tadesse bekele haile girma alemu mwangi
`
  .split(/\s+/)
  .filter(Boolean)
