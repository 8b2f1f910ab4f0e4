/**
 * Towns and cities that compromise's lexicon does not know (it knows ~500 large cities and every
 * country). Lower case, comma-separated. A place is only taken when written
 * with a capital letter; names that are also everyday words (Bath, Reading) need "in/from/near …".
 */
export const PLACE_NAMES: readonly string[] = `
aberdeen, aberystwyth, abingdon, accrington, aldershot, alnwick, altrincham, andover, arbroath, armagh,
ashford, aylesbury, ayr, ballymena, banbury, bangor, barnsley, barnstaple, barrow, basildon, basingstoke,
bath, bedford, berwick, beverley, bexhill, bicester, blackburn, blackpool, bognor, bolton, boston,
bournemouth, bracknell, bradford, braintree, brentwood, bridgend, bridgwater, bridlington, brighton, bromley,
burnley, burton, bury, buxton, caerphilly, camberley, canterbury, carlisle, carmarthen, chatham, cheltenham,
chester, chesterfield, chichester, chippenham, chorley, clacton, colchester, coleraine, crawley, crewe,
croydon, cumbernauld, darlington, dartford, derby, dewsbury, doncaster, dorchester, dorking, dover, dudley,
dumfries, dundee, dunfermline, durham, eastbourne, ellesmere, epsom, exmouth, falkirk, falmouth, fareham,
farnborough, farnham, folkestone, frome, gateshead, gillingham, gloucester, gosport, grantham, gravesend,
grimsby, guildford, halesowen, halifax, hamilton, harlow, harrogate, hartlepool, hastings, hatfield, havant,
hemel hempstead, hereford, hertford, hexham, high wycombe, hinckley, hitchin, horsham, huddersfield,
huntingdon, ilford, inverness, ipswich, irvine, keighley, kendal, kettering, kidderminster, kilmarnock,
kings lynn, kingston, kirkcaldy, knutsford, lancaster, leamington, letchworth, lichfield, lincoln, lisburn,
livingston, llandudno, llanelli, loughborough, lowestoft, luton, macclesfield, maidenhead, maidstone,
mansfield, margate, merthyr, middlesbrough, milton keynes, monmouth, morecambe, motherwell, newbury, newport,
newquay, newry, northampton, northwich, nuneaton, oldham, omagh, paisley, penrith, penzance, perth,
peterborough, peterhead, plymouth, pontypridd, poole, portsmouth, preston, ramsgate, rayleigh, reading,
redditch, reigate, rhyl, ripon, rochdale, rochester, rotherham, rugby, runcorn, salford, salisbury,
scarborough, scunthorpe, sevenoaks, shrewsbury, skegness, slough, solihull, southend, southport, stafford,
stevenage, stirling, stockport, stockton, stoke, stratford, stroud, sunderland, sutton, swansea, swindon,
tamworth, taunton, telford, tonbridge, torquay, truro, tunbridge wells, wakefield, walsall, warrington,
warwick, watford, wellingborough, wells, weston, weymouth, whitby, widnes, wigan, winchester, windsor,
woking, wolverhampton, worcester, worthing, wrexham, yeovil, york, athlone, bray, carlow, clonmel, drogheda,
dundalk, ennis, galway, kilkenny, killarney, letterkenny, limerick, mullingar, navan, sligo, tralee,
tullamore, waterford, wexford, akron, albany, albuquerque, allentown, anchorage, ann arbor, arlington,
asheville, bakersfield, baton rouge, berkeley, billings, birmingham, boise, boulder, bozeman, buffalo,
burlington, cambridge, charleston, chattanooga, cheyenne, chula vista, cincinnati, cleveland, columbia,
columbus, corpus christi, dayton, des moines, el paso, eugene, evanston, fargo, flagstaff, fort collins,
fort worth, fresno, gainesville, grand rapids, green bay, greensboro, greenville, hartford, henderson,
hoboken, honolulu, huntsville, jackson, jacksonville, juneau, kalamazoo, knoxville, lansing, laredo,
lexington, little rock, lubbock, madison, memphis, mesa, milwaukee, minneapolis, missoula, mobile, modesto,
montgomery, naperville, nashville, new haven, newark, norfolk, oakland, ogden, olympia, omaha, orlando,
pasadena, peoria, pittsburgh, plano, portland, providence, provo, raleigh, reno, richmond, riverside,
sacramento, salem, salt lake city, san bernardino, san jose, santa barbara, santa cruz, santa fe, savannah,
scottsdale, shreveport, sioux falls, spokane, springfield, st louis, st paul, stamford, syracuse, tacoma,
tallahassee, tampa, tempe, toledo, topeka, tucson, tulsa, wichita, wilmington, yonkers, abbotsford, barrie,
brampton, burnaby, fredericton, guelph, kamloops, kelowna, kitchener, laval, london, markham, mississauga,
moncton, nanaimo, oshawa, regina, saskatoon, sherbrooke, st johns, sudbury, surrey, thunder bay, victoria,
waterloo, whitehorse, winnipeg, yellowknife, ballarat, bendigo, bunbury, cairns, canberra, darwin, geelong,
gold coast, hobart, launceston, mackay, newcastle, rockhampton, toowoomba, townsville, wollongong, dunedin,
napier, nelson, palmerston north, tauranga, wellington, whangarei, aarhus, antwerp, bergen, bilbao, bologna,
bonn, bordeaux, braga, bruges, cadiz, coimbra, cork, delft, dijon, dresden, eindhoven, essen, freiburg,
genoa, ghent, gothenburg, graz, groningen, haarlem, hanover, heidelberg, innsbruck, kiel, lausanne, leiden,
leipzig, leuven, lille, linz, lucerne, maastricht, malaga, malmo, malmö, mannheim, montpellier, munster,
nantes, nice, nijmegen, nuremberg, odense, porto, reims, rennes, salzburg, san sebastian, seville,
strasbourg, stuttgart, tampere, toulouse, trondheim, turin, uppsala, utrecht, valencia, verona, zaragoza,
annecy, grenoble, lyon, marseille
`
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean)
